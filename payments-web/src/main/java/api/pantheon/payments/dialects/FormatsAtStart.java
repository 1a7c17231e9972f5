package api.pantheon.payments.dialects;

import api.pantheon.payments.events.boundary.DeliveryFormat;
import api.pantheon.payments.events.boundary.DeliveryFormats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Hands every dialect's delivery formats to the core when the application starts. The core cannot look
 * them up itself: packaged in an EAR, the EJB module does not see the web module's beans.
 */
@ApplicationScoped
public class FormatsAtStart {

    @Inject
    @Any
    Instance<DeliveryFormat> formats;

    @Inject
    DeliveryFormats registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        formats.forEach(registry::register);
    }
}
