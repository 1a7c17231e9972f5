package api.pantheon.payments.reconciliation.entity;

import api.pantheon.payments.payments.entity.PaymentStatus;
import java.math.BigDecimal;
import java.util.Optional;

/** What one line of the business system's settlement file came to against our own record. */
public enum LineOutcome {
    /** Both sides say the same. */
    MATCHED,
    /** Ours was still unknown; their decision settled it, through the one settle path. */
    SETTLED,
    /** They list a submission we never made. */
    MISSING_OURS,
    /** We made a submission they do not list. */
    MISSING_THEIRS,
    AMOUNT_MISMATCH,
    STATUS_MISMATCH,
    /** They list the same submission more than once. */
    DUPLICATE,
    /** A line that cannot be read: a bad amount, currency or status. */
    UNREADABLE;

    public boolean isMismatch() {
        return this != MATCHED && this != SETTLED;
    }

    /** What the business system's statuses mean for a payment of ours. */
    public static Optional<PaymentStatus> settledAs(String theirStatus) {
        return switch (theirStatus) {
            case "APPROVED" -> Optional.of(PaymentStatus.COMPLETED);
            case "DECLINED" -> Optional.of(PaymentStatus.FAILED);
            default -> Optional.empty();
        };
    }

    /**
     * A readable line against a payment of ours that is settled: amount and currency first (a
     * different sum is the graver difference), then the decision.
     */
    public static LineOutcome compared(BigDecimal ourAmount, String ourCurrency, PaymentStatus ourStatus,
                                       BigDecimal theirAmount, String theirCurrency, String theirStatus) {
        if (ourAmount.compareTo(theirAmount) != 0 || !ourCurrency.equals(theirCurrency)) {
            return AMOUNT_MISMATCH;
        }
        return settledAs(theirStatus).filter(ourStatus::equals).isPresent() ? MATCHED : STATUS_MISMATCH;
    }
}
