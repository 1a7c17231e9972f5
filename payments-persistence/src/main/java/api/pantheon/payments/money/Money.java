package api.pantheon.payments.money;

import api.pantheon.payments.errors.ErrorCode;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency, always at that currency's ISO 4217 minor units (USD 2, ISK 0, BHD 3).
 * Building one never rounds: an amount with more decimals than its currency allows is refused, so a
 * client never pays something other than what it asked for.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /**
     * The most whole digits an amount or a balance may have: what the ledger's columns hold
     * ({@code NUMERIC(19,4)}), a thousand trillion less a little.
     */
    public static final int MAX_WHOLE_DIGITS = 15;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minorUnits = currency.getDefaultFractionDigits();
        if (minorUnits < 0) {
            throw ErrorCode.INVALID_DATA.exception("currency: " + currency + " is not a currency of payment");
        }
        // Size first: 1E+100000 is a short text, but scaling it to cents would build a 100,000-digit number.
        if (wholeDigits(amount) > MAX_WHOLE_DIGITS) {
            throw ErrorCode.INVALID_DATA.exception("amount: at most " + MAX_WHOLE_DIGITS + " digits before the decimal point");
        }
        if (amount.stripTrailingZeros().scale() > minorUnits) {
            throw ErrorCode.INVALID_DATA.exception(
                    "amount: " + currency + " allows at most " + minorUnits + " decimal places");
        }
        amount = amount.setScale(minorUnits);
    }

    /** Digits before the decimal point, from the representation alone (no arithmetic on the value). */
    public static long wholeDigits(BigDecimal amount) {
        return amount.signum() == 0 ? 0 : Math.max(0, (long) amount.precision() - amount.scale());
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw ErrorCode.CURRENCY_MISMATCH.exception(
                    "Cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
