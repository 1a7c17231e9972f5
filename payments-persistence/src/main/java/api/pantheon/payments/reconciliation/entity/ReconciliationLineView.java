package api.pantheon.payments.reconciliation.entity;

import java.math.BigDecimal;

/** A reconciliation line as read out: line 0 is a payment of ours their file does not list. */
public record ReconciliationLineView(long lineNumber, String submissionId, LineOutcome outcome, String requestId,
                                     BigDecimal ourAmount, String ourCurrency, String ourStatus,
                                     BigDecimal theirAmount, String theirCurrency, String theirStatus) {
}
