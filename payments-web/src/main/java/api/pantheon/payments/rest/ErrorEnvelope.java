package api.pantheon.payments.rest;

import api.pantheon.payments.errors.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The error body of every dialect, as seed 001 writes it: {@code {"success":false,"error":{...}}}. */
public record ErrorEnvelope(boolean success, Error error) {

    public record Error(String code, String key, String message) {
    }

    public static Response response(ErrorCode code, String message) {
        return Response.status(code.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorEnvelope(false, new Error(String.valueOf(code.code()), code.key(), message)))
                .build();
    }
}
