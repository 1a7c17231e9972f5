package api.pantheon.payments.events.boundary;

import api.pantheon.payments.events.entity.DeliveryKind;

/**
 * How one kind of delivery is written and signed: the port through which the core hands a delivery's
 * facts to the dialect that owns its wire format. The core itself renders no dialect.
 */
public interface DeliveryFormat {

    DeliveryKind kind();

    Rendered render(DeliveryFacts facts);
}
