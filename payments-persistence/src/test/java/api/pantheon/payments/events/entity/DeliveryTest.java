package api.pantheon.payments.events.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.errors.PaymentsException;
import api.pantheon.payments.requests.entity.RequestStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final List<Duration> SCHEDULE = List.of(Duration.ofMinutes(5), Duration.ofMinutes(20));

    private static Delivery queuedAndStarted() {
        Delivery delivery = Delivery.toNotifyUrl(new Event(1, "party", "request", RequestStatus.PAID, "tx", NOW), "https://example.com/hook", NOW);
        delivery.queued("instance", NOW);
        assertTrue(delivery.start("instance", NOW));
        return delivery;
    }

    @Test
    void aFailedTryIsDueAgainAfterTheSchedulesNextPauseThenDead() {
        Delivery delivery = queuedAndStarted();
        delivery.failed(SCHEDULE, NOW);
        assertEquals(DeliveryState.PENDING, delivery.state());
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(5))), delivery.nextAttemptAt());

        delivery.queued("instance", NOW);
        assertTrue(delivery.start("instance", NOW));
        delivery.failed(SCHEDULE, NOW.plusSeconds(300));
        assertEquals(Optional.of(NOW.plusSeconds(300).plus(Duration.ofMinutes(20))), delivery.nextAttemptAt());

        delivery.queued("instance", NOW);
        assertTrue(delivery.start("instance", NOW));
        delivery.failed(SCHEDULE, NOW);
        assertEquals(DeliveryState.DEAD, delivery.state(), "one try plus one per pause, then dead");
        assertEquals(3, delivery.attempts());
        assertEquals(Optional.empty(), delivery.nextAttemptAt());
    }

    @Test
    void deliveriesToTheSameHostAndPortHaveOneReceiverAndMailHasOne() {
        Event event = new Event(1, "party", "request", RequestStatus.PAID, "tx", NOW);
        assertEquals("shop.example:8443", Delivery.toNotifyUrl(event, "https://Shop.Example:8443/a?x=1", NOW).receiver());
        assertEquals(Delivery.toNotifyUrl(event, "https://shop.example/a", NOW).receiver(),
                Delivery.toNotifyUrl(event, "https://shop.example/b/c", NOW).receiver());
        assertFalse(Delivery.toNotifyUrl(event, "https://other.example/a", NOW).receiver()
                .equals(Delivery.toNotifyUrl(event, "https://shop.example/a", NOW).receiver()));
        assertEquals(Delivery.toChannel(event, "mailto:a@x.example", "EMAIL", true, NOW).receiver(),
                Delivery.toChannel(event, "mailto:b@y.example", "EMAIL", true, NOW).receiver());
    }

    @Test
    void aDuplicateMessageFindsTheDeliveryTakenAlready() {
        Delivery delivery = queuedAndStarted();
        assertFalse(delivery.start("instance", NOW), "a second worker must not send it again");
        delivery.delivered(NOW);
        assertEquals(DeliveryState.DELIVERED, delivery.state());
        assertFalse(delivery.start("instance", NOW));
    }

    @Test
    void onlyAnOwedDeliveryCanBeQueued() {
        Delivery delivery = queuedAndStarted();
        assertEquals(ErrorCode.STATE_CONFLICT, assertThrows(PaymentsException.class, () -> delivery.queued("instance", NOW)).error());
        delivery.requeueStale(NOW);
        assertEquals(DeliveryState.PENDING, delivery.state());
        delivery.queued("instance", NOW);
        assertEquals(DeliveryState.QUEUED, delivery.state());
    }
}
