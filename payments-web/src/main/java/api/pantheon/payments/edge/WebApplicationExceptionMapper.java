package api.pantheon.payments.edge;

import api.pantheon.payments.errors.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** What JAX-RS itself refuses (unknown path, wrong method or media type) in the same envelope. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, ErrorCode> BY_STATUS = Map.of(
            400, ErrorCode.INVALID_DATA,
            401, ErrorCode.MERCHANT_NOT_FOUND,
            404, ErrorCode.NOT_FOUND,
            405, ErrorCode.METHOD_NOT_ALLOWED,
            406, ErrorCode.NOT_ACCEPTABLE,
            413, ErrorCode.PAYLOAD_TOO_LARGE,
            415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status == 400) {
            // A body that did not bind: Jersey wraps JSON-B's refusal, which names the field.
            var unbound = BodyErrors.ofBinding(exception);
            if (unbound.isPresent()) {
                return unbound.get();
            }
        }
        ErrorCode code = BY_STATUS.getOrDefault(status, status < 500 ? ErrorCode.INVALID_DATA : ErrorCode.SYSTEM_ERROR);
        Response.ResponseBuilder response = Response.fromResponse(ErrorEnvelope.response(code, code.message()));
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.status(status).build();
    }
}
