package api.pantheon.payments.edge;

import api.pantheon.payments.errors.ErrorCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Query parameters read as text and checked here, so that a bad one answers 400 naming it (JAX-RS
 * converting to a number itself answers 404 when the conversion fails).
 */
public final class QueryParams {

    public static final int PAGE_DEFAULT = 50;
    public static final int PAGE_MAX = 200;

    private QueryParams() {
    }

    public static long wholeNumber(String field, String text, long min, long max) {
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                throw ErrorCode.INVALID_DATA.exception(field + ": must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ErrorCode.INVALID_DATA.exception(field + ": must be a whole number");
        }
    }

    /** {@code limit}: 1 to {@value #PAGE_MAX}, {@value #PAGE_DEFAULT} when absent. */
    public static int pageSize(String limit) {
        return limit == null ? PAGE_DEFAULT : (int) wholeNumber("limit", limit, 1, PAGE_MAX);
    }

    /** An RFC 3339 instant ({@code 2026-12-01T00:00:00Z}), or none when absent. */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ErrorCode.INVALID_DATA.exception(field + ": must be an RFC 3339 time, e.g. 2026-12-01T00:00:00Z");
        }
    }
}
