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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the worker does with the deliveries a message names: a delivery its requester can no longer sign
 * (every key revoked), several to one receiver, and a receiver too slow to take them all in time.
 */
class DeliveryWorkerTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final EventView EVENT = new EventView("event-1", 1, "payment_request.declined", "request-1",
            RequestStatus.DECLINED, Optional.empty(), NOW, Optional.empty(), Optional.empty(), Optional.empty());

    private final Map<String, DeliveryOutcome> finished = new LinkedHashMap<>();
    private final List<String> handedBack = new ArrayList<>();
    private final List<List<String>> finishes = new ArrayList<>();
    private long nanos;
    private long nanosPerPost;
    private final List<String> posted = new ArrayList<>();

    @Test
    void aCallbackWithNothingToSignItWithIsAFailedTryNotAnUnsignedPost() {
        worker("").onMessage(message("delivery-1"));

        assertTrue(posted.isEmpty(), "nothing goes out unsigned");
        assertEquals(1, finished.size(), "the try is recorded, so the retry schedule goes on");
        assertNull(finished.get("delivery-1").httpStatus());
        assertEquals("no active API key to sign it with", finished.get("delivery-1").error());
    }

    @Test
    void aCallbackWithItsSecretIsRenderedAndPosted() {
        worker("secret").onMessage(message("delivery-1"));

        assertEquals(List.of("https://merchant.example/notify"), posted);
        assertEquals(204, finished.get("delivery-1").httpStatus());
    }

    @Test
    void theDeliveriesOfOneMessageAreEachSentAndRecordedTogether() {
        worker("secret").onMessage(message("delivery-1 delivery-2 delivery-3"));

        assertEquals(3, posted.size());
        assertEquals(List.of(List.of("delivery-1", "delivery-2", "delivery-3")), finishes, "one transaction records them all");
        assertTrue(handedBack.isEmpty());
    }

    @Test
    void aReceiverTooSlowToTakeThemAllInTimeGetsTheRestBackOwedAgainUntried() {
        nanosPerPost = Duration.ofSeconds(6).toNanos();

        worker("secret").onMessage(message("delivery-1 delivery-2 delivery-3"));

        assertEquals(2, posted.size(), "the second send ends past the sending time");
        assertEquals(List.of("delivery-1", "delivery-2"), List.copyOf(finished.keySet()));
        assertEquals(List.of("delivery-3"), handedBack);
    }

    private DeliveryWorker worker(String secret) {
        DeliveryWorker worker = new DeliveryWorker();
        worker.events = new Events() {
            @Override
            public List<DeliveryFacts> start(List<String> deliveryIds) {
                return deliveryIds.stream().map(id -> new DeliveryFacts(id, DeliveryKind.REQUEST_CALLBACK,
                        "https://merchant.example/notify", Optional.empty(), EVENT, null, Optional.empty(), Optional.empty(),
                        Optional.empty(), null, secret, NOW)).toList();
            }

            @Override
            public void finish(Map<String, DeliveryOutcome> outcomes, List<String> notSent) {
                finished.putAll(outcomes);
                handedBack.addAll(notSent);
                List<String> recorded = new ArrayList<>(outcomes.keySet());
                recorded.addAll(notSent);
                finishes.add(recorded);
            }
        };
        worker.nanoTime = () -> nanos;
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
                nanos += nanosPerPost;
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
