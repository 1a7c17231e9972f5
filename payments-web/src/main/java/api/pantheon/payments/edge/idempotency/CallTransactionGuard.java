package api.pantheon.payments.edge.idempotency;

import jakarta.annotation.Resource;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rolls back a call's transaction that the {@link IdempotencyFilter} began but never ended, because
 * its answer left without passing the response filters. A pooled request thread must not carry an
 * open transaction into the next call it serves.
 */
@WebListener
public class CallTransactionGuard implements ServletRequestListener {

    private static final Logger LOG = Logger.getLogger(CallTransactionGuard.class.getName());

    @Resource
    UserTransaction transaction;

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (event.getServletRequest().getAttribute(IdempotencyFilter.OPEN_TRANSACTION) == null) {
            return;
        }
        rollBackIfOpen(transaction, Level.WARNING, "A call's transaction was still open when its request ended");
    }

    /** Whether the thread holds no transaction any more (false when that cannot be told). */
    static boolean isClosed(UserTransaction transaction) {
        try {
            return transaction.getStatus() == Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return false;
        }
    }

    /** Rolls back the thread's transaction if one is open, saying why in the log at the level given. */
    static void rollBackIfOpen(UserTransaction transaction, Level level, String why) {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                LOG.log(level, why + "; rolled back");
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, why + "; could not roll it back", e);
        }
    }
}
