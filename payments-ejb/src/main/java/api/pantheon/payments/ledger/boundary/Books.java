package api.pantheon.payments.ledger.boundary;

import api.pantheon.payments.ledger.control.BooksCheck;
import api.pantheon.payments.ledger.entity.BooksReport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the books balance, checked once when the server starts (in the background, so a large
 * ledger does not hold up the deployment) and whenever an operator asks. The last answer decides
 * readiness: a server whose books do not balance should take no more money until someone looks.
 */
@Singleton
@Startup
@DependsOn("SystemAccountsSetup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Books {

    private static final Logger LOG = Logger.getLogger(Books.class.getName());

    @Inject
    BooksCheck check;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    private volatile BooksReport last;

    @PostConstruct
    void checkAtStart() {
        executor.execute(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The books could not be checked at start; readiness stays DOWN until"
                        + " GET /payments/admin/v1/ledger/trial-balance succeeds", e);
            }
        });
    }

    public BooksReport check() {
        BooksReport report = check.run(clock.instant());
        if (!report.balanced()) {
            LOG.severe(() -> "\n\n    THE BOOKS DO NOT BALANCE. Readiness is DOWN. What disagrees:\n    " + report
                    + "\n    See GET /payments/admin/v1/ledger/trial-balance.\n");
        } else if (last == null || !last.balanced()) {
            LOG.info("The books balance");
        }
        last = report;
        return report;
    }

    /** The last check's answer; empty until the first one has finished. */
    public Optional<BooksReport> last() {
        return Optional.ofNullable(last);
    }
}
