package api.pantheon.payments.console;

import api.pantheon.payments.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How the console writes times and money: UTC, to the second; amounts at their currency's scale. */
@Named
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** The hour of a time, for the chart's axis. */
    public String hour(Instant instant) {
        return instant == null ? "" : HOUR.format(instant);
    }

    public String money(Money money) {
        return money == null ? "" : money.amount().toPlainString() + " " + money.currencyCode();
    }

    public String amount(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    /** An optional value, or nothing: pages show the absent as blank. */
    public Object shown(Optional<?> value) {
        return value == null ? "" : value.map(Object.class::cast).orElse("");
    }
}
