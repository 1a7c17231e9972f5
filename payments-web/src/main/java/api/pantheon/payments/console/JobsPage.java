package api.pantheon.payments.console;

import api.pantheon.payments.jobs.boundary.Jobs;
import api.pantheon.payments.jobs.entity.JobRunView;
import api.pantheon.payments.reports.boundary.SettlementReports;
import api.pantheon.payments.reports.boundary.SettlementView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The jobs: recent runs with their progress, and the settlement reports they wrote. */
@Named
@RequestScoped
public class JobsPage {

    @Inject
    Jobs jobs;

    @Inject
    SettlementReports reports;

    @Inject
    Clock clock;

    private List<JobRunView> runs;
    private List<SettlementView> settlements;

    @PostConstruct
    void load() {
        runs = jobs.recent(30);
        settlements = reports.recent(30);
    }

    public List<JobRunView> getRuns() {
        return runs;
    }

    public List<SettlementView> getReports() {
        return settlements;
    }

    /** While a run is under way the page reloads itself, so its progress bar moves. */
    public boolean isAnyActive() {
        return runs.stream().anyMatch(run -> run.status().isActive());
    }

    public String getYesterday() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1).toString();
    }
}
