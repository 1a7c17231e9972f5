package api.pantheon.payments.money.control;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The currencies this platform takes, from configuration, and the per-currency amount limits. */
@ApplicationScoped
public class Currencies {

    private Set<String> supported;
    private Config config;
    private BigDecimal defaultLimit;
    private BigDecimal defaultDepositLimit;

    protected Currencies() {
        // for CDI's client proxy
    }

    @Inject
    public Currencies(@ConfigProperty(name = "payments.currencies") List<String> codes,
                      @ConfigProperty(name = "payments.limits.default") BigDecimal defaultLimit,
                      @ConfigProperty(name = "payments.limits.deposit.default") BigDecimal defaultDepositLimit,
                      Config config) {
        this.supported = codes.stream().map(String::trim).map(String::toUpperCase).collect(Collectors.toUnmodifiableSet());
        this.defaultLimit = defaultLimit;
        this.defaultDepositLimit = defaultDepositLimit;
        this.config = config;
    }

    public java.util.List<Currency> all() {
        return supported.stream().sorted().map(Currency::getInstance).toList();
    }

    public Currency supported(String code) {
        if (code == null || !supported.contains(code.toUpperCase())) {
            throw ErrorCode.INVALID_DATA.exception("currency: " + code + " is not a supported currency (one of "
                    + String.join(", ", supported.stream().sorted().toList()) + ")");
        }
        return Currency.getInstance(code.toUpperCase());
    }

    /** An amount a client asks to move: supported currency, its minor units, above zero. */
    public Money positive(BigDecimal amount, String currencyCode) {
        Money money = new Money(amount, supported(currencyCode));
        if (!money.isPositive()) {
            throw ErrorCode.INVALID_DATA.exception("amount: must be greater than zero");
        }
        return money;
    }

    /** Refuses an amount above the currency's limit ({@code payments.limits.<CODE>}, else the default). */
    public void requireWithinLimit(Money money) {
        requireAtMost(money, "payments.limits.", defaultLimit);
    }

    /** Refuses a deposit above {@code payments.limits.deposit.<CODE>}, else {@code payments.limits.deposit.default}. */
    public void requireDepositWithinLimit(Money money) {
        requireAtMost(money, "payments.limits.deposit.", defaultDepositLimit);
    }

    private void requireAtMost(Money money, String keyPrefix, BigDecimal defaultValue) {
        BigDecimal limit = config.getOptionalValue(keyPrefix + money.currencyCode(), BigDecimal.class).orElse(defaultValue);
        if (money.amount().compareTo(limit) > 0) {
            throw ErrorCode.PAYMENT_EXCEEDS_LIMITS.exception(
                    "amount: exceeds the limit of " + limit.toPlainString() + " " + money.currencyCode());
        }
    }
}
