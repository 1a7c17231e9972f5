package api.pantheon.payments.jobs.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The jobs' calendar. The timers fire on every instance; each run is keyed by its occasion, which
 * only one instance can store, so it starts once.
 */
@Singleton
public class JobSchedule {

    @Inject
    Jobs jobs;

    @Inject
    Clock clock;

    /** Shortly after midnight UTC, the day before. */
    @Schedule(hour = "0", minute = "5", timezone = "UTC", persistent = false, info = "daily settlement report")
    void dailySettlement() {
        String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1).toString();
        jobs.startOnce("settlement-report", "settlement-report:" + day, Map.of("date", day));
    }
}
