package api.pantheon.payments.payments.control;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Knows when the server has been asked to stop, so that new payments are refused with 503 while
 * the ones in flight finish. Whatever is still unanswered stays in the database as PROCESSING and
 * is settled by reconciliation after the next start.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Shutdown {

    private volatile boolean stopping;

    public boolean isStopping() {
        return stopping;
    }

    @PreDestroy
    void stopping() {
        stopping = true;
    }
}
