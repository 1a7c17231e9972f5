package api.pantheon.payments.edge.idempotency;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.idempotency.boundary.IdempotencyStore;
import api.pantheon.payments.idempotency.boundary.StoredResponse;
import api.pantheon.payments.edge.idempotency.ShownOnce;
import api.pantheon.payments.security.Secrets;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Idempotency-Key} on every mutating call: the first use claims the key and its answer is
 * kept; a retry with the same body gets that answer again (marked {@code Idempotent-Replayed}); the
 * same key with another body is refused (422); a retry while the first is still running gets 409.
 * Answers of 5xx are not kept, so that a retry after our failure runs the call again. An answer that
 * is {@link ShownOnce} is never kept: its retry learns that the call ran (409), not what it said.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String HEADER = "Idempotency-Key";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int KEY_MAX = 255;
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final String STATUS = IdempotencyFilter.class.getName() + ".status";

    @Inject
    IdempotencyStore store;

    private record Claim(String client, String key) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !MUTATING.contains(request.getMethod())) {
            return;
        }
        if (key.isBlank() || key.length() > KEY_MAX) {
            throw ErrorCode.INVALID_DATA.exception(HEADER + ": 1 to " + KEY_MAX + " characters");
        }
        byte[] body = request.getEntityStream().readAllBytes(); // bounded by BodyGate
        request.setEntityStream(new ByteArrayInputStream(body));
        String client = request.getSecurityContext().getUserPrincipal().getName();
        Optional<StoredResponse> earlier = store.claim(client, key, fingerprint(request, body));
        if (earlier.isPresent()) {
            StoredResponse stored = earlier.get();
            request.abortWith(Response.status(stored.status())
                    .entity(stored.body())
                    .type(stored.body() == null ? null : MediaType.APPLICATION_JSON_TYPE)
                    .header("Idempotent-Replayed", "true")
                    .build());
            return;
        }
        request.setProperty(CLAIM, new Claim(client, key));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        if (response.getStatus() >= 500) {
            request.removeProperty(CLAIM);
            store.release(claim.client(), claim.key());
        } else if (!response.hasEntity()) {
            request.removeProperty(CLAIM);
            store.complete(claim.client(), claim.key(), response.getStatus(), null);
        } else {
            request.setProperty(STATUS, response.getStatus());
        }
    }

    /** Keeps the bytes exactly as the client receives them, so a replay is the same answer. */
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(CLAIM) instanceof Claim claim)) {
            context.proceed();
            return;
        }
        if (context.getEntity() instanceof ShownOnce) {
            context.proceed();
            store.completeWithoutReplay(claim.client(), claim.key(), (Integer) context.getProperty(STATUS));
            return;
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        OutputStream original = context.getOutputStream();
        context.setOutputStream(new FilterOutputStream(original) {
            @Override
            public void write(int b) throws IOException {
                copy.write(b);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                copy.write(b, off, len);
                out.write(b, off, len);
            }
        });
        context.proceed();
        store.complete(claim.client(), claim.key(), (Integer) context.getProperty(STATUS),
                copy.toString(StandardCharsets.UTF_8));
    }

    private static String fingerprint(ContainerRequestContext request, byte[] body) {
        byte[] target = (request.getMethod() + ' ' + request.getUriInfo().getPath() + '\n').getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[target.length + body.length];
        System.arraycopy(target, 0, all, 0, target.length);
        System.arraycopy(body, 0, all, target.length, body.length);
        return HexFormat.of().formatHex(Secrets.sha256(all));
    }
}
