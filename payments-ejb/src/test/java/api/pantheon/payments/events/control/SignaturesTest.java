package api.pantheon.payments.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import api.pantheon.payments.payments.control.ItemDocument;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known vectors, so a change to how signatures or schedules are read cannot pass unnoticed. */
class SignaturesTest {

    @Test
    void callbackSignaturesAreLowercaseHexHmacSha256() {
        // RFC 4231 test case 2
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                CallbackDocument.sign("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void makePaymentSignaturesAreBase64UrlWithoutPaddingOverTimeDotBody() {
        // computed independently: base64url(HMAC-SHA256("Jefe", "1795262301." + body)), padding removed
        assertEquals("t=1795262301,v=oO2tigaJPRtVTw3uAQLMtpGEao0IRJRhrB8kbBays0w",
                ItemDocument.signature("Jefe", 1795262301L, "{\"id\":\"x\"}"));
    }

    @Test
    void retrySchedulesReadSecondsMinutesHoursAndDays() {
        RetrySchedule schedule = new RetrySchedule(List.of("30s", " 5m", "2h", "1d"));
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(1)),
                schedule.pauses());
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of("5 minutes")));
    }
}
