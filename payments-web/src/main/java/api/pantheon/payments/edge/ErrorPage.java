package api.pantheon.payments.edge;

import api.pantheon.payments.errors.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * What the servlet container answers on its own (a request it refuses before JAX-RS sees it), in the
 * same envelope as everything else: never the server's HTML error page. web.xml sends every error here.
 */
@WebServlet(urlPatterns = ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    static final String PATH = "/_error";
    private static final long serialVersionUID = 1L;
    private static final Map<Integer, ErrorCode> BY_STATUS = Map.of(
            400, ErrorCode.INVALID_DATA, 401, ErrorCode.MERCHANT_NOT_FOUND, 403, ErrorCode.NOT_FOUND,
            404, ErrorCode.NOT_FOUND, 405, ErrorCode.METHOD_NOT_ALLOWED, 408, ErrorCode.REQUEST_TIMEOUT,
            413, ErrorCode.PAYLOAD_TOO_LARGE, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        ErrorCode error = BY_STATUS.getOrDefault(code, code < 500 ? ErrorCode.INVALID_DATA : ErrorCode.SYSTEM_ERROR);
        // A refused path reads as one that is not there.
        ErrorEnvelope.write(response, code == 403 ? 404 : code, error, error.message());
    }
}
