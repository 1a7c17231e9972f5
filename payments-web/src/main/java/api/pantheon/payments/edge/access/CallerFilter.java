package api.pantheon.payments.edge.access;

import api.pantheon.payments.audit.boundary.Acting;
import api.pantheon.payments.audit.entity.Actor;
import api.pantheon.payments.edge.ErrorEnvelope;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.parties.boundary.KeyHolder;
import api.pantheon.payments.security.boundary.AdminToken;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticates every call: {@code /admin} takes the operator's token, everything else a client's
 * API token, as {@code Authorization: Bearer <token>} or HTTP Basic with the token as user name.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {

    private static final String ADMIN_PATH = "admin/";
    private static final String SANDBOX_PATH = "sandbox/";
    /** Why an operator's script makes an admin write (a deposit, a key issued or revoked) that has no body to say it in. */
    public static final String AUDIT_REASON = "Audit-Reason";

    @Inject
    KnownTokens knownTokens;

    @Inject
    AdminToken adminToken;

    @Inject
    Acting acting;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Credentials> credentials = Credentials.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        boolean secure = request.getSecurityContext().isSecure();
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.startsWith(SANDBOX_PATH)) {
            return; // a stand-in for an outside business system, which has no client credentials
        }
        if (path.startsWith(ADMIN_PATH)) {
            if (credentials.map(c -> adminToken.matches(c.token())).orElse(false)) {
                acting.as(Actor.adminToken(http.getRemoteAddr()));
                acting.because(request.getHeaderString(AUDIT_REASON));
                request.setSecurityContext(new CallerContext(CallerContext.OPERATOR, true, secure, "Bearer"));
            } else {
                request.abortWith(challenge(ErrorCode.OPERATOR_ONLY, "Bearer realm=\"payments-admin\""));
            }
            return;
        }
        Optional<KeyHolder> holder = credentials.flatMap(c -> knownTokens.holderOf(c.token()));
        if (holder.isPresent()) {
            String scheme = credentials.get().scheme();
            acting.as(Actor.client(holder.get().keyId(), http.getRemoteAddr()));
            request.setSecurityContext(new CallerContext(holder.get().partyId(), false, secure, scheme));
        } else {
            request.abortWith(challenge(ErrorCode.MERCHANT_NOT_FOUND, "Basic realm=\"payments\", Bearer realm=\"payments\""));
        }
    }

    private static Response challenge(ErrorCode code, String authenticate) {
        return Response.fromResponse(ErrorEnvelope.response(code, code.message()))
                .header(HttpHeaders.WWW_AUTHENTICATE, authenticate).build();
    }

    private record Credentials(String scheme, String token) {

        static Optional<Credentials> from(String header) {
            if (header == null) {
                return Optional.empty();
            }
            int space = header.indexOf(' ');
            if (space < 0) {
                return Optional.empty();
            }
            String scheme = header.substring(0, space);
            String value = header.substring(space + 1).trim();
            if (scheme.equalsIgnoreCase("Bearer")) {
                return Optional.of(new Credentials("Bearer", value));
            }
            if (scheme.equalsIgnoreCase("Basic")) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    if (colon >= 0 && colon < decoded.length() - 1) {
                        // The token is the user name and the password is empty; a password means someone
                        // is presenting credentials of another kind, which are not ours to guess at.
                        return Optional.empty();
                    }
                    return Optional.of(new Credentials(SecurityContext.BASIC_AUTH,
                            colon < 0 ? decoded : decoded.substring(0, colon)));
                } catch (IllegalArgumentException notBase64) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }
}
