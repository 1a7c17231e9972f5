package api.pantheon.payments.diagnostics;

import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.sessions.SessionProfiler;
import org.eclipse.persistence.sessions.SessionProfilerAdapter;

/**
 * EclipseLink's profiler hook ({@code eclipselink.profiler} in persistence.xml): each statement it
 * prepares is counted, once. (Its statement-execute timer is also started when a statement is
 * closed, so it would count every statement twice.)
 */
public class StatementProfiler extends SessionProfilerAdapter {

    @Override
    public void startOperationProfile(String operationName, DatabaseQuery query, int weight) {
        if (SessionProfiler.SqlPrepare.equals(operationName)) {
            SqlStatements.sent();
        }
    }
}
