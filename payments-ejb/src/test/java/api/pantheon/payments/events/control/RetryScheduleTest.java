package api.pantheon.payments.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void retrySchedulesReadSecondsMinutesHoursAndDays() {
        RetrySchedule schedule = new RetrySchedule(List.of("30s", " 5m", "2h", "1d"));
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(1)),
                schedule.pauses());
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of("5 minutes")));
    }
}
