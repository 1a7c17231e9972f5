package api.pantheon.payments.errors;

import java.sql.SQLException;

/**
 * Tells a unique-key violation (a race another writer won, which the caller may handle) from every
 * other database failure (an outage, a bug), which must not be mistaken for one.
 */
public final class Conflicts {

    /** SQLSTATE class 23: integrity constraint violation, in H2 and PostgreSQL alike. */
    private static final String INTEGRITY_VIOLATION = "23";

    private Conflicts() {
    }

    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
                return true;
            }
        }
        return false;
    }
}
