package api.pantheon.payments.payments.control;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Whether this instance takes new payments. It stops when the server is asked to stop (or an
 * operator drains it before a deployment), so that new payments get 503 while the ones in flight
 * finish; whatever is still unanswered stays in the database and reconciliation settles it after
 * the next start.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Intake {

    private volatile boolean stopping;
    private volatile boolean drained;

    public boolean isOpen() {
        return !stopping && !drained;
    }

    /** The server is stopping: no new payments, for good. */
    public void close() {
        stopping = true;
    }

    public void drain() {
        drained = true;
    }

    public void undrain() {
        drained = false;
    }

    @PreDestroy
    void stopping() {
        stopping = true;
    }
}
