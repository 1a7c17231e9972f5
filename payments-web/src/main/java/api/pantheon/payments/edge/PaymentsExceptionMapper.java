package api.pantheon.payments.edge;

import api.pantheon.payments.errors.PaymentsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A broken rule answers with its catalogue entry and the rule's own message. */
@Provider
public class PaymentsExceptionMapper implements ExceptionMapper<PaymentsException> {

    @Override
    public Response toResponse(PaymentsException exception) {
        return ErrorEnvelope.response(exception.error(), exception.getMessage());
    }
}
