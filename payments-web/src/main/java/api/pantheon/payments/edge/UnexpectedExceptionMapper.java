package api.pantheon.payments.edge;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.errors.Outages;
import api.pantheon.payments.errors.PaymentsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A rule broken deep inside an EJB arrives wrapped and is unwrapped; contention
 * that outlasted its lock wait, or a database that cannot be reached, is a 503 the client may retry;
 * anything unforeseen is logged under an incident id and answered as system_error, never with a stack
 * trace or a class name.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        Optional<Response> unbound = BodyErrors.ofBinding(exception);
        if (unbound.isPresent()) {
            return unbound.get();
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof PaymentsException rule) {
                return ErrorEnvelope.response(rule.error(), rule.getMessage());
            }
            if (cause instanceof WebApplicationException web) {
                return new WebApplicationExceptionMapper().toResponse(web);
            }
            if (cause instanceof LockTimeoutException || cause instanceof PessimisticLockException
                    || cause instanceof OptimisticLockException) {
                return Response.fromResponse(ErrorEnvelope.response(ErrorCode.SERVICE_UNAVAILABLE,
                        "Too much contention on this resource; retry with the same Idempotency-Key"))
                        .header("Retry-After", "1").build();
            }
        }
        if (Outages.isDatabaseUnavailable(exception)) {
            LOG.log(Level.WARNING, "The database cannot be reached", exception);
            return Response.fromResponse(ErrorEnvelope.response(ErrorCode.SERVICE_UNAVAILABLE,
                    "The database cannot be reached; retry shortly")).header("Retry-After", "5").build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident, exception);
        return ErrorEnvelope.response(ErrorCode.SYSTEM_ERROR, "System error (incident " + incident + ")");
    }
}
