package api.pantheon.payments.errors;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells "the database cannot be reached now" (a 503 the client may retry) from every other failure.
 * SQLSTATE class 08 is a connection exception in H2 and PostgreSQL alike; a pool that cannot hand out
 * a connection says so with a resource exception.
 */
public final class Outages {

    private static final String CONNECTION_EXCEPTION = "08";

    private Outages() {
    }

    public static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)
                    || cause instanceof jakarta.resource.ResourceException) {
                return true;
            }
        }
        return false;
    }
}
