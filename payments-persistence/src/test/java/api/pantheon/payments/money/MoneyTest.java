package api.pantheon.payments.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.errors.PaymentsException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"10.99,USD,10.99", "10,USD,10.00", "10.990,USD,10.99", "1500,ISK,1500", "1500.0,JPY,1500",
            "0.125,BHD,0.125", "7.1,BHD,7.100"})
    void scalesToTheCurrencysMinorUnits(String amount, String currency, String expected) {
        Money money = Money.of(amount, currency);
        assertEquals(new BigDecimal(expected), money.amount());
        assertEquals(expected, money.amount().toPlainString());
    }

    @ParameterizedTest
    @CsvSource({"10.999,USD", "10.5,ISK", "1.01,JPY", "0.1234,BHD", "0.001,EUR"})
    void refusesMoreDecimalsThanTheCurrencyHasInsteadOfRounding(String amount, String currency) {
        PaymentsException refused = assertThrows(PaymentsException.class, () -> Money.of(amount, currency));
        assertEquals(ErrorCode.INVALID_DATA, refused.error());
        assertEquals(true, refused.getMessage().startsWith("amount:"), refused.getMessage());
    }

    @Test
    void addsAndSubtractsExactly() {
        Money total = Money.of("0.10", "USD").plus(Money.of("0.20", "USD"));
        assertEquals(Money.of("0.30", "USD"), total);
        assertEquals(Money.of("-0.05", "USD"), Money.of("0.25", "USD").minus(Money.of("0.30", "USD")));
        assertEquals(true, Money.of("-0.05", "USD").isNegative());
        assertEquals(Money.of("5", "JPY"), Money.of("-5", "JPY").negate());
    }

    @Test
    void refusesToMixCurrencies() {
        PaymentsException refused = assertThrows(PaymentsException.class,
                () -> Money.of("1", "USD").plus(Money.of("1", "EUR")));
        assertEquals(ErrorCode.CURRENCY_MISMATCH, refused.error());
    }

    @Test
    void equalAmountsAtDifferentWrittenScalesAreEqual() {
        assertEquals(Money.of("10.5", "USD"), Money.of("10.50", "USD"));
        assertEquals(0, Money.of("10.5", "USD").compareTo(Money.of("10.500", "USD")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+2147483647", "1e32000000", "1E+16", "1000000000000000", "-1000000000000000",
            "9999999999999999.99", "1E+2147483647"})
    void refusesAmountsTooLargeForTheLedgerBeforeAnyArithmetic(String amount) {
        PaymentsException refused = assertThrows(PaymentsException.class, () -> new Money(new BigDecimal(amount),
                java.util.Currency.getInstance("USD")));
        assertEquals(ErrorCode.INVALID_DATA, refused.error());
        assertEquals(true, refused.getMessage().startsWith("amount: at most 15 digits"), refused.getMessage());
    }

    @Test
    void theLargestAmountTheLedgerHoldsIsAccepted() {
        assertEquals(new BigDecimal("999999999999999.99"), Money.of("999999999999999.99", "USD").amount());
        assertEquals(new BigDecimal("100000000000000.000"), Money.of("1E+14", "BHD").amount());
    }

    @ParameterizedTest
    @CsvSource({"1E+2147483647,2147483648", "1e-2147483647,0", "123.45,3", "0.001,0", "0,0", "-12.5,2", "1E+3,4"})
    void countsWholeDigitsFromTheRepresentationAlone(String amount, long digits) {
        assertEquals(digits, Money.wholeDigits(new BigDecimal(amount)));
    }

    @Test
    void anAmountWithTooManyDecimalsIsRefusedCheaplyHoweverSmall() {
        PaymentsException refused = assertThrows(PaymentsException.class, () -> Money.of("1e-2147483647", "USD"));
        assertEquals(true, refused.getMessage().contains("decimal places"), refused.getMessage());
    }
}
