package api.pantheon.payments.console;

import api.pantheon.payments.backoffice.boundary.BackOffice;
import api.pantheon.payments.jobs.boundary.Jobs;
import api.pantheon.payments.jobs.entity.JobRunView;
import api.pantheon.payments.reconciliation.boundary.Reconciliations;
import api.pantheon.payments.ledger.boundary.Books;
import api.pantheon.payments.ledger.entity.BooksReport;
import api.pantheon.payments.requests.entity.RequestStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The dashboard: today's figures, the books, and the last day hour by hour. */
@Named
@RequestScoped
public class DashboardPage {

    /** One hour's bars, scaled to the busiest hour of the day. */
    public record Bar(Instant start, long created, long paid, int createdHeight, int paidHeight, int x) {
    }

    static final int CHART_HEIGHT = 120;
    /** Differences of the latest reconciliation named on the dashboard; the rest are in its CSV. */
    private static final int MISMATCHES_SHOWN = 10;
    static final int BAR_SLOT = 30;

    @Inject
    BackOffice backOffice;

    @Inject
    Books books;

    @Inject
    Clock clock;

    @Inject
    Jobs jobs;

    private BackOffice.Figures figures;
    private List<Bar> bars;
    private BooksReport booksReport;
    private List<JobRunView> lastRuns;
    private Reconciliations.Summary reconciliation;

    @Inject
    Reconciliations reconciliations;

    @PostConstruct
    void load() {
        Instant now = clock.instant();
        figures = backOffice.figures(now);
        List<BackOffice.Hour> hours = backOffice.lastDay(now);
        long busiest = Math.max(1, hours.stream().mapToLong(h -> Math.max(h.created(), h.paid())).max().orElse(1));
        bars = new java.util.ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            BackOffice.Hour hour = hours.get(i);
            bars.add(new Bar(hour.start(), hour.created(), hour.paid(), (int) (hour.created() * CHART_HEIGHT / busiest),
                    (int) (hour.paid() * CHART_HEIGHT / busiest), i * BAR_SLOT));
        }
        // The full check reads every posting: the dashboard shows the last one (made at start, or on demand)
        // and never starts one itself.
        booksReport = books.last().orElse(null);
        lastRuns = jobs.recent(5);
        reconciliation = reconciliations.latest(MISMATCHES_SHOWN).orElse(null);
    }

    public BackOffice.Figures getFigures() {
        return figures;
    }

    public List<RequestStatus> getStatuses() {
        return Arrays.asList(RequestStatus.values());
    }

    public long requestsToday(RequestStatus status) {
        return figures.requestsToday().getOrDefault(status, 0L);
    }

    public List<Bar> getBars() {
        return bars;
    }

    public int getChartHeight() {
        return CHART_HEIGHT;
    }

    public int getChartWidth() {
        return BAR_SLOT * bars.size();
    }

    public BooksReport getBooks() {
        return booksReport;
    }

    public List<JobRunView> getLastRuns() {
        return lastRuns;
    }

    /** The latest finished reconciliation, with its first differences; null when none has run. */
    public Reconciliations.Summary getReconciliation() {
        return reconciliation;
    }

    /** balanced, unbalanced, or checking while the check made at start has not finished. */
    public String getBooksState() {
        return booksReport == null ? "checking" : booksReport.balanced() ? "balanced" : "unbalanced";
    }
}
