package api.pantheon.payments.ledger.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The whole check of the books: per currency the totals, and every row that disagrees with the
 * ledger. Balanced only when every currency sums to zero and every list is empty; each list is cut
 * at {@link #LISTED} rows, since one is enough to act on and a broken ledger could have millions.
 */
public record BooksReport(
        boolean balanced,
        Instant checkedAt,
        List<CurrencyTotals> currencies,
        List<AccountDisagreement> accountsDisagreeing,
        List<String> unbalancedTransactions,
        List<String> completedPaymentsWithoutTransaction,
        List<String> paidRequestsWithoutPayment) {

    public static final int LISTED = 100;

    /** An account whose stored balance is not the sum of its postings. */
    public record AccountDisagreement(long accountId, String currency, BigDecimal balance, BigDecimal postingTotal) {
    }
}
