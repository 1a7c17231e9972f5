package api.pantheon.payments.events.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.events.control.DeliveryOutcome;
import api.pantheon.payments.events.control.WebhookSender;
import api.pantheon.payments.events.entity.DeliveryKind;
import api.pantheon.payments.events.entity.EventView;
import api.pantheon.payments.requests.entity.RequestStatus;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the worker does with a delivery its requester can no longer sign (every key revoked). */
class DeliveryWorkerTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final EventView EVENT = new EventView("event-1", 1, "payment_request.declined", "request-1",
            RequestStatus.DECLINED, Optional.empty(), NOW, Optional.empty(), Optional.empty(), Optional.empty());

    private final List<DeliveryOutcome> finished = new ArrayList<>();
    private final List<String> posted = new ArrayList<>();

    @Test
    void aCallbackWithNothingToSignItWithIsAFailedTryNotAnUnsignedPost() {
        worker("").onMessage(message("delivery-1"));

        assertTrue(posted.isEmpty(), "nothing goes out unsigned");
        assertEquals(1, finished.size(), "the try is recorded, so the retry schedule goes on");
        assertNull(finished.get(0).httpStatus());
        assertEquals("no active API key to sign it with", finished.get(0).error());
    }

    @Test
    void aCallbackWithItsSecretIsRenderedAndPosted() {
        worker("secret").onMessage(message("delivery-1"));

        assertEquals(List.of("https://merchant.example/notify"), posted);
        assertEquals(204, finished.get(0).httpStatus());
    }

    private DeliveryWorker worker(String secret) {
        DeliveryWorker worker = new DeliveryWorker();
        worker.events = new Events() {
            @Override
            public Optional<DeliveryFacts> start(String deliveryId) {
                return Optional.of(new DeliveryFacts(deliveryId, DeliveryKind.REQUEST_CALLBACK, "https://merchant.example/notify",
                        Optional.empty(), EVENT, null, Optional.empty(), Optional.empty(), Optional.empty(), null, secret, NOW));
            }

            @Override
            public void finish(String deliveryId, DeliveryOutcome outcome) {
                finished.add(outcome);
            }
        };
        worker.formats = new DeliveryFormats();
        worker.formats.register(new DeliveryFormat() {
            @Override
            public DeliveryKind kind() {
                return DeliveryKind.REQUEST_CALLBACK;
            }

            @Override
            public Rendered render(DeliveryFacts facts) {
                return new Rendered("{}", Map.of("Signature", facts.secret()), Optional.empty());
            }
        });
        worker.webhooks = new WebhookSender() {
            @Override
            public DeliveryOutcome post(String url, String eventId, Map<String, String> headers, String body) {
                posted.add(url);
                return new DeliveryOutcome(NOW, 204, null, 1);
            }
        };
        return worker;
    }

    private static Message message(String text) {
        return (Message) Proxy.newProxyInstance(DeliveryWorkerTest.class.getClassLoader(), new Class<?>[] {TextMessage.class},
                (proxy, method, args) -> "getText".equals(method.getName()) ? text : null);
    }
}
