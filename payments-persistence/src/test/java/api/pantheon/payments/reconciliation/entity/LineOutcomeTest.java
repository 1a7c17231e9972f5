package api.pantheon.payments.reconciliation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.payments.entity.PaymentStatus;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineOutcomeTest {

    private static final BigDecimal FIVE = new BigDecimal("5.00");

    @Test
    void theSameSumAndDecisionMatchWhateverTheScaleOfTheAmount() {
        assertEquals(LineOutcome.MATCHED, LineOutcome.compared(FIVE, "USD", PaymentStatus.COMPLETED, new BigDecimal("5"), "USD", "APPROVED"));
        assertEquals(LineOutcome.MATCHED, LineOutcome.compared(FIVE, "USD", PaymentStatus.FAILED, FIVE, "USD", "DECLINED"));
    }

    @Test
    void aDifferentSumOrCurrencyIsAnAmountMismatchEvenWhenTheDecisionDiffersToo() {
        assertEquals(LineOutcome.AMOUNT_MISMATCH, LineOutcome.compared(FIVE, "USD", PaymentStatus.COMPLETED, new BigDecimal("5.01"), "USD", "APPROVED"));
        assertEquals(LineOutcome.AMOUNT_MISMATCH, LineOutcome.compared(FIVE, "USD", PaymentStatus.COMPLETED, FIVE, "EUR", "DECLINED"));
    }

    @Test
    void aDifferentDecisionOrAStatusTheyShouldNotSendIsAStatusMismatch() {
        assertEquals(LineOutcome.STATUS_MISMATCH, LineOutcome.compared(FIVE, "USD", PaymentStatus.COMPLETED, FIVE, "USD", "DECLINED"));
        assertEquals(LineOutcome.STATUS_MISMATCH, LineOutcome.compared(FIVE, "USD", PaymentStatus.FAILED, FIVE, "USD", "PENDING"));
    }

    @Test
    void onlyApprovedAndDeclinedSettleAPayment() {
        assertEquals(Optional.of(PaymentStatus.COMPLETED), LineOutcome.settledAs("APPROVED"));
        assertEquals(Optional.of(PaymentStatus.FAILED), LineOutcome.settledAs("DECLINED"));
        assertEquals(Optional.empty(), LineOutcome.settledAs("UNKNOWN"));
    }

    @Test
    void matchedAndSettledAreTheOnlyLinesWithoutADifference() {
        assertFalse(LineOutcome.MATCHED.isMismatch());
        assertFalse(LineOutcome.SETTLED.isMismatch());
        for (LineOutcome outcome : new LineOutcome[] {LineOutcome.MISSING_OURS, LineOutcome.MISSING_THEIRS,
                LineOutcome.AMOUNT_MISMATCH, LineOutcome.STATUS_MISMATCH, LineOutcome.DUPLICATE, LineOutcome.UNREADABLE}) {
            assertTrue(outcome.isMismatch(), outcome.name());
        }
    }
}
