package api.pantheon.payments.console;

import api.pantheon.payments.audit.boundary.Acting;
import api.pantheon.payments.audit.entity.Actor;
import api.pantheon.payments.operators.boundary.Operators;
import api.pantheon.payments.operators.entity.OperatorView;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * Every console request: security headers, no caching of pages that show money, the operator named
 * for the audit trail, and a login that still holds. An operator removed, or given another role, on
 * any instance is logged out at the next request here, since the session only remembers the login.
 */
@WebFilter(filterName = "ConsoleFilter", urlPatterns = "/console/*")
public class ConsoleFilter implements Filter {

    /**
     * Scripts may only come from here; PrimeFaces' own policy (primefaces.CSP) adds the nonce that its
     * inline scripts must carry, so inline scripts run only with it.
     */
    static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String ROLE = "console.role";

    @Inject
    Acting acting;

    @Inject
    Operators operators;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        boolean resource = request.getRequestURI().contains("/jakarta.faces.resource/");
        if (!resource) {
            response.setHeader("Cache-Control", "no-store");
        }
        Principal principal = request.getUserPrincipal();
        // Styles and scripts show nothing of anyone's: they need no look-up of the operator.
        if (principal != null && !resource) {
            Optional<OperatorView> operator = operators.find(principal.getName());
            HttpSession session = request.getSession(false);
            String role = operator.map(o -> o.role().name()).orElse(null);
            Object remembered = session == null ? null : session.getAttribute(ROLE);
            if (operator.isEmpty() || (remembered != null && !remembered.equals(role))) {
                request.logout();
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + ConsoleRoles.LOGIN_PAGE);
                return;
            }
            if (session != null && remembered == null) {
                session.setAttribute(ROLE, role);
            }
            acting.as(Actor.operator(principal.getName(), request.getRemoteAddr()));
        }
        chain.doFilter(request, response);
    }
}
