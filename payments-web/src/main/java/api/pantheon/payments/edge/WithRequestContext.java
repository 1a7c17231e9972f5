package api.pantheon.payments.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Runs the rest of a request with CDI's request context active. Payara activates it for a request
 * as it arrives, but not when {@link BodyGate} dispatches a request again once its body is read, and
 * the resources are request-scoped.
 */
@ApplicationScoped
public class WithRequestContext {

    @ActivateRequestContext
    public void proceed(FilterChain chain, ServletRequest request, ServletResponse response)
            throws IOException, ServletException {
        chain.doFilter(request, response);
    }
}
