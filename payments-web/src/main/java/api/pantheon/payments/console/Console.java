package api.pantheon.payments.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * What every page knows: who is logged in, what their role lets them do, the form token that proves a
 * post came from a page of ours, and the outcome of the last action (shown once).
 */
@Named
@RequestScoped
public class Console {

    static final String CSRF = "console.csrf";
    static final String FLASH = "console.flash";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An action's outcome, and a secret to show this once (a new key), if any. */
    public record Flash(boolean ok, String text, String secret) implements Serializable {
    }

    @Inject
    HttpServletRequest request;

    private Flash flash;
    private boolean flashRead;

    public String getOperator() {
        return request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
    }

    public String getRole() {
        return ConsoleRoles.of(request);
    }

    /** Acts on requests, payments, callbacks and refunds. */
    public boolean isMayAct() {
        return request.isUserInRole(ConsoleRoles.OPERATOR);
    }

    /** Manages operators, parties, accounts, keys and deposits. */
    public boolean isMayAdminister() {
        return request.isUserInRole(ConsoleRoles.ADMIN);
    }

    public String getCsrf() {
        return tokenOf(request.getSession());
    }

    public Flash getFlash() {
        if (!flashRead) {
            flashRead = true;
            HttpSession session = request.getSession(false);
            flash = session == null ? null : (Flash) session.getAttribute(FLASH);
            if (session != null) {
                session.removeAttribute(FLASH);
            }
        }
        return flash;
    }

    static String tokenOf(HttpSession session) {
        synchronized (session) {
            Object token = session.getAttribute(CSRF);
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                session.setAttribute(CSRF, token);
            }
            return (String) token;
        }
    }

    static boolean sameToken(String expected, String presented) {
        return presented != null && !expected.isEmpty() && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> tokenIfAny(HttpSession session) {
        return Optional.ofNullable(session).map(s -> (String) s.getAttribute(CSRF));
    }
}
