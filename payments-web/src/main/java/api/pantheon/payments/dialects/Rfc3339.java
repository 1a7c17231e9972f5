package api.pantheon.payments.dialects;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Date-times as dialects 002 and 003 write them: UTC with milliseconds, {@code 2022-01-07T00:04:10.713Z}. */
public final class Rfc3339 {

    private static final DateTimeFormatter MILLIS_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Rfc3339() {
    }

    public static String format(Instant instant) {
        return MILLIS_UTC.format(instant);
    }
}
