package api.pantheon.payments.edge.idempotency;

import api.pantheon.payments.edge.UnexpectedExceptionMapper;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.idempotency.boundary.IdempotencyStore;
import api.pantheon.payments.idempotency.boundary.StoredResponse;
import api.pantheon.payments.security.Secrets;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;

/**
 * {@code Idempotency-Key} on every mutating call: the first use claims the key and its answer is
 * kept; a retry with the same body gets that answer again (marked {@code Idempotent-Replayed}); the
 * same key with another body is refused (422); a retry while the first is still running gets 409.
 * Answers of 5xx are not kept, so that a retry after our failure runs the call again. An answer that
 * is {@link ShownOnce} is never kept: its retry learns that the call ran (409), not what it said.
 *
 * <p>A {@link OneTransaction} call with an unused key runs in a transaction begun here, and its answer
 * is kept in that transaction before any byte of it is sent: one commit for the work and its record,
 * and no moment at which the work is done but its key free. Other calls claim the key, run, and keep
 * the answer in transactions of their own.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int KEY_MAX = 255;
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final String WITH_THE_CALL = IdempotencyFilter.class.getName() + ".withTheCall";

    /** Set on the servlet request while a call's transaction is open, for {@link CallTransactionGuard}. */
    static final String OPEN_TRANSACTION = IdempotencyFilter.class.getName() + ".openTransaction";

    @Inject
    IdempotencyStore store;

    @Resource
    UserTransaction transaction;

    @Context
    ResourceInfo resource;

    @Context
    Providers providers;

    @Context
    HttpServletRequest servletRequest;

    private record Claim(String client, String key, String fingerprint) {
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
        Claim claim = new Claim(request.getSecurityContext().getUserPrincipal().getName(), key, fingerprint(request, body));
        Method method = resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(OneTransaction.class) && store.isUnused(claim.client(), key)) {
            servletRequest.setAttribute(OPEN_TRANSACTION, Boolean.TRUE);
            begin();
            request.setProperty(WITH_THE_CALL, claim); // only once begun: the answer side ends what it finds begun
            return;
        }
        Optional<StoredResponse> earlier = store.claim(claim.client(), key, claim.fingerprint());
        if (earlier.isPresent()) {
            request.abortWith(replay(earlier.get()));
            return;
        }
        request.setProperty(CLAIM, claim);
    }

    private static Response replay(StoredResponse stored) {
        return Response.status(stored.status())
                .entity(stored.body())
                .type(stored.body() == null ? null : MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotent-Replayed", "true")
                .build();
    }

    private void begin() {
        try {
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot begin the call's transaction", e);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (request.getProperty(WITH_THE_CALL) instanceof Claim call) {
            request.removeProperty(WITH_THE_CALL);
            endTheCall(call, response);
            return;
        }
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        request.removeProperty(CLAIM);
        if (response.getStatus() >= 500) {
            store.release(claim.client(), claim.key());
            return;
        }
        Answer answer = answerOf(response);
        store.complete(claim.client(), claim.key(), answer.status(), answer.kept(), answer.replayable());
    }

    /** An answer as its client receives it; a {@link ShownOnce} answer is sent but never kept. */
    private record Answer(int status, byte[] bytes, boolean replayable) {

        String kept() {
            return replayable && bytes != null ? new String(bytes, StandardCharsets.UTF_8) : null;
        }
    }

    /**
     * Writes the answer's entity to bytes here, before anything is sent, and sends those bytes: what
     * is kept is what the client receives, byte for byte, and it is kept before the client has it.
     */
    private Answer answerOf(ContainerResponseContext response) throws IOException {
        if (!response.hasEntity()) {
            return new Answer(response.getStatus(), null, true);
        }
        boolean replayable = !(response.getEntity() instanceof ShownOnce);
        if (response.getMediaType() == null) {
            response.getHeaders().putSingle("Content-Type", MediaType.APPLICATION_JSON_TYPE);
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        MessageBodyWriter<Object> writer = (MessageBodyWriter) providers.getMessageBodyWriter(response.getEntityClass(),
                response.getEntityType(), response.getEntityAnnotations(), response.getMediaType());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.writeTo(response.getEntity(), response.getEntityClass(), response.getEntityType(),
                response.getEntityAnnotations(), response.getMediaType(), response.getHeaders(), bytes);
        response.setEntity(bytes.toByteArray(), response.getEntityAnnotations(), response.getMediaType());
        return new Answer(response.getStatus(), bytes.toByteArray(), replayable);
    }

    /**
     * Commits the call's work with its answer, or rolls the work back and keeps the answer that said
     * why (a refusal is kept as an answer is; a 5xx is not, so that a retry runs the call again).
     */
    private void endTheCall(Claim call, ContainerResponseContext response) {
        try {
            Answer answer = answerOf(response);
            int status = answer.status();
            boolean workCanCommit = transaction.getStatus() == Status.STATUS_ACTIVE;
            if (status < 400 && !workCanCommit) {
                throw new IllegalStateException("A call answered " + status + " but its transaction cannot commit");
            }
            if (status < 500 && workCanCommit) {
                store.keepWithTheCall(call.client(), call.key(), call.fingerprint(), status, answer.kept(), answer.replayable());
                transaction.commit();
            } else {
                transaction.rollback();
                if (status < 500) {
                    store.keep(call.client(), call.key(), call.fingerprint(), status, answer.kept(), answer.replayable());
                }
            }
        } catch (Exception failed) {
            // Routine when two first uses of a key race: the loser's work goes, and it gets the winner's answer.
            CallTransactionGuard.rollBackIfOpen(transaction, Level.FINE, "A call's answer could not be kept with its work");
            answerInstead(response, answerAfter(call, failed));
        } finally {
            if (CallTransactionGuard.isClosed(transaction)) { // else the guard still has work at the request's end
                servletRequest.removeAttribute(OPEN_TRANSACTION);
            }
        }
    }

    /**
     * The work was rolled back. A racing first use of the key that kept its answer first is given to
     * this caller too; a race still open is 409 (the store says so), as for any call that meets a key
     * in flight; any other failure is answered as the error mappers answer it, and a 5xx keeps nothing.
     */
    private Response answerAfter(Claim call, Exception failed) {
        UnexpectedExceptionMapper errors = new UnexpectedExceptionMapper();
        try {
            return store.answerKept(call.client(), call.key(), call.fingerprint()).map(IdempotencyFilter::replay)
                    .orElseGet(() -> errors.toResponse(failed));
        } catch (RuntimeException refused) {
            return errors.toResponse(refused);
        }
    }

    private static void answerInstead(ContainerResponseContext response, Response answer) {
        response.setStatusInfo(answer.getStatusInfo());
        answer.getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
        response.setEntity(answer.getEntity(), response.getEntityAnnotations(), answer.getMediaType());
    }

    private static String fingerprint(ContainerRequestContext request, byte[] body) {
        byte[] target = (request.getMethod() + ' ' + request.getUriInfo().getPath() + '\n').getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[target.length + body.length];
        System.arraycopy(target, 0, all, 0, target.length);
        System.arraycopy(body, 0, all, target.length, body.length);
        return HexFormat.of().formatHex(Secrets.sha256(all));
    }
}
