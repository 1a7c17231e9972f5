package api.pantheon.payments.edge;

import api.pantheon.payments.diagnostics.SqlStatements;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code payments.diagnostics.statements} on (the test server and the benchmark), every answer
 * says in {@code X-SQL-Statements} how many SQL statements its call sent on its own thread: what the
 * statement guard asserts. Off by default: it tells a caller something of how the server works.
 * Its answer side runs after the idempotency filter's, whose commit a call's count includes.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class StatementCount implements ContainerRequestFilter, ContainerResponseFilter {

    static final String HEADER = "X-SQL-Statements";
    private static final String BEFORE = StatementCount.class.getName() + ".before";
    private static final String THREAD = StatementCount.class.getName() + ".thread";

    @Inject
    @ConfigProperty(name = "payments.diagnostics.statements", defaultValue = "false")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        if (enabled) {
            request.setProperty(BEFORE, SqlStatements.onThisThread());
            request.setProperty(THREAD, Thread.currentThread().getId());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // An answer resumed on another thread (make payment's wait) has no count of its own to give.
        if (request.getProperty(BEFORE) instanceof Long before
                && Long.valueOf(Thread.currentThread().getId()).equals(request.getProperty(THREAD))) {
            response.getHeaders().putSingle(HEADER, SqlStatements.onThisThread() - before);
        }
    }
}
