package api.pantheon.payments.console;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The login form's post. Like every console write it is a plain post with the session's form token
 * (a login made from another site is refused too); the form mechanism then takes the operator back to
 * the page they were going to, or to the dashboard.
 */
@WebServlet(urlPatterns = LoginServlet.PATH)
public class LoginServlet extends HttpServlet {

    static final String PATH = "/console/login";
    static final String ERROR = "console.loginError";

    @Inject
    SecurityContext security;

    @Inject
    Formats formats;

    @Inject
    @ConfigProperty(name = "payments.console.session-minutes", defaultValue = "30")
    int sessionMinutes;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        HttpSession session = request.getSession(false);
        String loginPage = request.getContextPath() + ConsoleRoles.LOGIN_PAGE;
        if (session == null || !Console.sameToken(Console.tokenIfAny(session).orElse(""), request.getParameter("csrf"))) {
            response.sendRedirect(loginPage);
            return;
        }
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        AuthenticationStatus status = username == null || password == null ? AuthenticationStatus.SEND_FAILURE
                : security.authenticate(request, response, AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password))));
        switch (status) {
            case SUCCESS -> {
                // A new session id at login: one planted before it is worth nothing after.
                request.changeSessionId();
                request.getSession().setMaxInactiveInterval(sessionMinutes * 60);
                response.sendRedirect(request.getContextPath() + "/console/dashboard.xhtml");
            }
            case SEND_CONTINUE -> {
                request.changeSessionId();
                request.getSession().setMaxInactiveInterval(sessionMinutes * 60);
            }
            default -> {
                Object lockedUntil = request.getAttribute(OperatorIdentityStore.LOCKED_UNTIL);
                request.getSession().setAttribute(ERROR, lockedUntil instanceof Instant until
                        ? "This account is locked after too many failed logins, until " + formats.time(until) + "."
                        : "Wrong username or password.");
                response.sendRedirect(loginPage);
            }
        }
    }
}
