package api.pantheon.payments.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * POSTs one delivery (a callback, a gateway message) and says how it went. Time-outs bound every call, so a slow receiver holds one
 * worker for a few seconds at most and never blocks the others.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final int CLIENTS_KEPT = 1000;

    @Inject
    OutboundPolicy policy;

    @Inject
    Clock clock;

    private final Map<String, WebhookTarget> clients = new ConcurrentHashMap<>();

    public DeliveryOutcome post(String url, String eventId, String signature, String webhooksSignature, String body) {
        Instant start = clock.instant();
        long began = System.nanoTime();
        var refusal = policy.reasonToRefuse(url, true);
        if (refusal.isPresent()) {
            return new DeliveryOutcome(start, null, "refused: " + refusal.get(), 0);
        }
        try (Response response = client(url).post(eventId, signature, webhooksSignature, body)) {
            return new DeliveryOutcome(start, response.getStatus(), null, elapsedMillis(began));
        } catch (ProcessingException | jakarta.ws.rs.WebApplicationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new DeliveryOutcome(start, null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), elapsedMillis(began));
        }
    }

    private WebhookTarget client(String url) {
        if (clients.size() > CLIENTS_KEPT) {
            clients.clear();
        }
        return clients.computeIfAbsent(url, target -> RestClientBuilder.newBuilder()
                .baseUri(URI.create(target))
                .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // Every status is an outcome to record, not an exception to map.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(WebhookTarget.class));
    }

    private static long elapsedMillis(long began) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }
}
