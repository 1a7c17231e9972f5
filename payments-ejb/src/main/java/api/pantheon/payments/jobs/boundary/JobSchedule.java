package api.pantheon.payments.jobs.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The jobs' calendar. The timers fire on every instance; each run is keyed by its occasion, which
 * only one instance can store, so it starts once.
 */
@Singleton
public class JobSchedule {

    private static final Logger LOG = Logger.getLogger(JobSchedule.class.getName());

    @Inject
    Jobs jobs;

    @Inject
    Clock clock;

    /** Shortly after midnight UTC, the day before. */
    @Schedule(hour = "0", minute = "5", timezone = "UTC", persistent = false, info = "daily settlement report")
    void dailySettlement() {
        startForYesterday("settlement-report");
    }

    /** Once the business system's file for the day before is complete. */
    @Schedule(hour = "0", minute = "20", timezone = "UTC", persistent = false, info = "daily reconciliation")
    void dailyReconciliation() {
        startForYesterday("reconciliation");
    }

    /** In the quietest hour. */
    @Schedule(hour = "3", minute = "30", timezone = "UTC", persistent = false, info = "daily retention")
    void dailyRetention() {
        String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        jobs.startOnce("retention", "retention:" + day, Map.of());
    }

    /** Runs whose instance died are failed within seconds, so that an operator can restart them. */
    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "orphaned job runs")
    void failOrphanedRuns() {
        int failed = jobs.failOrphaned();
        if (failed > 0) {
            LOG.warning(() -> failed + " job run(s) failed: their instance stopped while they ran");
        }
    }

    private void startForYesterday(String job) {
        String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1).toString();
        jobs.startOnce(job, job + ":" + day, Map.of("date", day));
    }
}
