package api.pantheon.payments.ledger.entity;

import java.math.BigDecimal;

/**
 * One currency's line of the trial balance. Both totals are zero in a healthy ledger: balances
 * because every deposit is matched by its system account, postings because every transaction is
 * balanced; a balance total that differs from the posting total means a balance changed without one.
 */
public record CurrencyTotals(String currency, BigDecimal balanceTotal, BigDecimal postingTotal, long accounts) {

    public boolean sumsToZero() {
        return balanceTotal.signum() == 0 && postingTotal.signum() == 0;
    }
}
