package api.pantheon.payments.edge.access;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** Who made this call: a client party (its id is the principal's name) or the operator. */
public record CallerContext(String partyId, boolean operator, boolean secure, String scheme) implements SecurityContext {

    public static final String OPERATOR = "operator";

    @Override
    public Principal getUserPrincipal() {
        return () -> partyId;
    }

    @Override
    public boolean isUserInRole(String role) {
        return operator && OPERATOR.equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
