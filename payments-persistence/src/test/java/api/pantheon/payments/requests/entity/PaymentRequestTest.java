package api.pantheon.payments.requests.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.errors.PaymentsException;
import api.pantheon.payments.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static PaymentRequest.Builder valid() {
        return PaymentRequest.builder().requester("merchant", 1000L).recipient("person")
                .amount(Money.of("10.99", "USD"));
    }

    @Test
    void startsPendingWithTheDefaultLifetimeOfNinetySeconds() {
        PaymentRequest request = valid().build(NOW);
        assertEquals(RequestStatus.PENDING, request.statusAt(NOW));
        assertEquals(NOW.plusSeconds(90), request.expiresAt());
        assertEquals(NOW, request.createdAt());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 9, 604_801})
    void refusesLifetimesOutsideTenSecondsToSevenDays(long seconds) {
        PaymentsException refused = assertThrows(PaymentsException.class,
                () -> valid().lifetime(Duration.ofSeconds(seconds)).build(NOW));
        assertEquals(ErrorCode.INVALID_DATA, refused.error());
    }

    @ParameterizedTest
    @ValueSource(longs = {10, 604_800})
    void acceptsTheBoundsOfTheLifetime(long seconds) {
        assertEquals(NOW.plusSeconds(seconds), valid().lifetime(Duration.ofSeconds(seconds)).build(NOW).expiresAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1.00"})
    void refusesAmountsThatAreNotPositive(String amount) {
        assertThrows(PaymentsException.class, () -> valid().amount(Money.of(amount, "USD")).build(NOW));
    }

    @Test
    void theRequesterCannotBeItsOwnRecipient() {
        PaymentsException refused = assertThrows(PaymentsException.class,
                () -> valid().recipient("merchant").build(NOW));
        assertEquals(ErrorCode.MERCHANT_CANNOT_BE_RECIPIENT, refused.error());
    }

    @Test
    void keepsAnAbsoluteDeadlineExactlyAsGiven() {
        Instant deadline = Instant.parse("2026-11-21T10:05:00.657Z");
        PaymentRequest request = valid().deadline(deadline, "expiration").build(NOW.plusNanos(123_456));
        assertEquals(deadline, request.expiresAt());
        PaymentsException refused = assertThrows(PaymentsException.class,
                () -> valid().deadline(NOW.plusSeconds(5), "expiration").build(NOW));
        assertTrue(refused.getMessage().startsWith("expiration:"), refused.getMessage());
    }

    @Test
    void readsExpiredFromItsDeadlineOnEvenBeforeTheSweep() {
        PaymentRequest request = valid().lifetime(Duration.ofSeconds(10)).build(NOW);
        assertEquals(RequestStatus.PENDING, request.statusAt(NOW.plusMillis(9_999)));
        assertEquals(RequestStatus.EXPIRED, request.statusAt(NOW.plusSeconds(10)));
    }

    @Test
    void cannotBePaidOnceItsDeadlineHasPassed() {
        PaymentRequest request = valid().lifetime(Duration.ofSeconds(10)).build(NOW);
        PaymentsException refused = assertThrows(PaymentsException.class,
                () -> request.markPaid("tx", NOW.plusSeconds(10)));
        assertEquals(ErrorCode.PAYMENT_EXPIRED, refused.error());
        assertEquals(RequestStatus.PENDING, request.statusAt(NOW));
    }

    @Test
    void anExpiredRequestSaysSoWhenPaidAfterTheSweepToo() throws Exception {
        PaymentRequest request = valid().lifetime(Duration.ofSeconds(10)).build(NOW);
        var status = PaymentRequest.class.getDeclaredField("status");
        status.setAccessible(true);
        status.set(request, RequestStatus.EXPIRED);
        PaymentsException refused = assertThrows(PaymentsException.class,
                () -> request.markPaid("tx", NOW.plusSeconds(11)));
        assertEquals(ErrorCode.PAYMENT_EXPIRED, refused.error());
    }

    @Test
    void everyStatusEnteredIsPublishedOnceInOrder() {
        PaymentRequest request = valid().lifetime(Duration.ofSeconds(10)).build(NOW);
        assertEquals(java.util.List.of(RequestStatus.PENDING), request.takeUnpublished());
        assertEquals(java.util.List.of(), request.takeUnpublished());
        request.expire(NOW.plusSeconds(10));
        assertEquals(java.util.List.of(RequestStatus.EXPIRED), request.takeUnpublished());
        assertEquals(ErrorCode.STATE_CONFLICT, assertThrows(PaymentsException.class, () -> request.expire(NOW.plusSeconds(11))).error());
    }

    @Test
    void refusesToStoreAnExpiryBeforeTheDeadline() {
        PaymentRequest request = valid().lifetime(Duration.ofSeconds(10)).build(NOW);
        assertEquals(ErrorCode.STATE_CONFLICT, assertThrows(PaymentsException.class, () -> request.expire(NOW.plusSeconds(9))).error());
        assertEquals(RequestStatus.PENDING, request.statusAt(NOW.plusSeconds(9)));
    }

    @Test
    void paidRecordsTheTransaction() {
        PaymentRequest request = valid().build(NOW);
        request.markPaid("tx-1", NOW.plusSeconds(5));
        assertEquals(RequestStatus.PAID, request.statusAt(NOW.plusSeconds(500)));
        assertEquals("tx-1", request.transactionId().orElseThrow());
        assertEquals(NOW.plusSeconds(5), request.updatedAt());
    }

    @Test
    void aSettledRequestRefusesEveryFurtherAction() {
        for (Consumer<PaymentRequest> settle : actions()) {
            for (Consumer<PaymentRequest> next : actions()) {
                PaymentRequest request = valid().build(NOW);
                settle.accept(request);
                PaymentsException refused = assertThrows(PaymentsException.class, () -> next.accept(request));
                assertEquals(ErrorCode.PAYMENT_NOT_PENDING, refused.error());
            }
        }
    }

    @Test
    void aPaidRequestIsRefundedInPartsButNeverBeyondWhatWasPaid() {
        PaymentRequest request = valid().build(NOW);
        request.markPaid("tx-1", NOW);
        request.refund(Money.of("4.00", "USD"), NOW.plusSeconds(60));
        assertEquals(Money.of("4.00", "USD"), request.refundedAmount());
        assertEquals(Money.of("6.99", "USD"), request.refundable());
        PaymentsException tooMuch = assertThrows(PaymentsException.class, () -> request.refund(Money.of("7.00", "USD"), NOW));
        assertEquals(ErrorCode.REFUND_EXCEEDS_PAYMENT, tooMuch.error());
        assertTrue(tooMuch.getMessage().startsWith("amount:"), tooMuch.getMessage());
        request.refund(Money.of("6.99", "USD"), NOW.plusSeconds(120));
        assertEquals(0, request.refundable().amount().signum());
        assertEquals(RequestStatus.PAID, request.statusAt(NOW.plusSeconds(500)), "a refunded request stays paid");
        assertEquals(NOW.plusSeconds(120), request.updatedAt());
    }

    @Test
    void onlyAPaidRequestInItsOwnCurrencyIsRefunded() {
        PaymentRequest pending = valid().build(NOW);
        assertEquals(ErrorCode.REQUEST_NOT_PAID,
                assertThrows(PaymentsException.class, () -> pending.refund(Money.of("1.00", "USD"), NOW)).error());
        assertEquals(0, pending.refundable().amount().signum());
        PaymentRequest paid = valid().build(NOW);
        paid.markPaid("tx-1", NOW);
        assertEquals(ErrorCode.CURRENCY_MISMATCH,
                assertThrows(PaymentsException.class, () -> paid.refund(Money.of("1.00", "EUR"), NOW)).error());
    }

    @Test
    void anOperatorExpiresAPendingRequestBeforeItsDeadline() {
        PaymentRequest request = valid().build(NOW);
        request.expireEarly(NOW.plusSeconds(10));
        assertEquals(RequestStatus.EXPIRED, request.statusAt(NOW.plusSeconds(11)));
        assertEquals(ErrorCode.PAYMENT_EXPIRED,
                assertThrows(PaymentsException.class, () -> request.markPaid("tx", NOW.plusSeconds(12))).error());
    }

    private static java.util.List<Consumer<PaymentRequest>> actions() {
        return java.util.List.of(r -> r.markPaid("tx", NOW), r -> r.decline(NOW), r -> r.cancel(NOW));
    }

    @Test
    void itsEventsAreNumberedOnlyUpward() {
        PaymentRequest request = valid().build(NOW);
        assertEquals(0, request.lastEventSequence());
        request.eventNumbered(5_000);
        assertEquals(5_000, request.lastEventSequence());
        // a number from an older block, or the same number again, would put its events out of order
        assertThrows(IllegalStateException.class, () -> request.eventNumbered(4_999));
        assertThrows(IllegalStateException.class, () -> request.eventNumbered(5_000));
        assertEquals(5_000, request.lastEventSequence());
    }
}
