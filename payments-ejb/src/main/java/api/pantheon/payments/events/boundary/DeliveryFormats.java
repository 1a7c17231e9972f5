package api.pantheon.payments.events.boundary;

import api.pantheon.payments.events.entity.DeliveryKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The formats the dialects have registered, by kind. They register at start (the web module cannot be
 * injected into the EJB module when both are packaged in an EAR, so it hands them over), and a
 * delivery taken before its format is there waits a moment instead of failing.
 */
@ApplicationScoped
public class DeliveryFormats {

    private final Map<DeliveryKind, DeliveryFormat> byKind = new ConcurrentHashMap<>();

    public void register(DeliveryFormat format) {
        byKind.put(format.kind(), format);
    }

    public Optional<DeliveryFormat> of(DeliveryKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
