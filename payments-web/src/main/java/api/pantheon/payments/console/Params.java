package api.pantheon.payments.console;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A page's query parameters, read leniently: a value that does not parse is ignored and named in
 * {@link #problems()}, so a mistyped filter shows a message instead of an error page.
 */
final class Params {

    /** An amount as typed: digits, a point, decimals; its size and scale are then the core's to check. */
    static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,6})?");

    private final HttpServletRequest request;
    private final List<String> problems = new ArrayList<>();

    Params(HttpServletRequest request) {
        this.request = request;
    }

    String text(String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    BigDecimal amount(String name) {
        String value = text(name);
        if (value != null && AMOUNT.matcher(value).matches()) {
            return new BigDecimal(value);
        }
        return problem(name, value, "an amount such as 12.50");
    }

    /** A date ({@code 2026-12-01}, its start) or a date and time, taken as UTC. */
    Instant time(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return problem(name, value, "a date such as 2026-12-01 or 2026-12-01T14:30");
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = text(name);
        try {
            return value == null ? null : Enum.valueOf(type, value.toUpperCase());
        } catch (IllegalArgumentException e) {
            return problem(name, value, "one of the listed values");
        }
    }

    Optional<Long> number(String name) {
        String value = text(name);
        if (value != null && value.matches("\\d{1,18}")) {
            return Optional.of(Long.valueOf(value));
        }
        problem(name, value, "a whole number");
        return Optional.empty();
    }

    private <T> T problem(String name, String value, String expected) {
        if (value != null) {
            problems.add(name + ": expected " + expected);
        }
        return null;
    }

    List<String> problems() {
        return problems;
    }
}
