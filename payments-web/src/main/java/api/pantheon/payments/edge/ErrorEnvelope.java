package api.pantheon.payments.edge;

import api.pantheon.payments.errors.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The error body of every dialect, as seed 001 writes it: {@code {"success":false,"error":{...}}}. */
public record ErrorEnvelope(boolean success, Error error) {

    public record Error(String code, String key, String message) {
    }

    public static Response response(ErrorCode code, String message) {
        return Response.status(status(code.httpStatus()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorEnvelope(false, new Error(String.valueOf(code.code()), code.key(), message)))
                .build();
    }

    /** The status with its reason phrase: JAX-RS knows none for 422 or 429 and would say "CUSTOM". */
    private static Response.StatusType status(int code) {
        Response.Status known = Response.Status.fromStatusCode(code);
        if (known != null) {
            return known;
        }
        String reason = switch (code) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
        return new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return code;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(code);
            }

            @Override
            public String getReasonPhrase() {
                return reason;
            }
        };
    }

    /** The same envelope written straight to the servlet response, for refusals made before JAX-RS runs. */
    public static void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        write(response, code.httpStatus(), code, message);
    }

    /** With the status the container chose, where it differs from the catalogue entry's (414, say). */
    public static void write(HttpServletResponse response, int status, ErrorCode code, String message) throws IOException {
        byte[] body = Json.BUILDERS.createObjectBuilder()
                .add("success", false)
                .add("error", Json.BUILDERS.createObjectBuilder()
                        .add("code", String.valueOf(code.code()))
                        .add("key", code.key())
                        .add("message", message))
                .build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
