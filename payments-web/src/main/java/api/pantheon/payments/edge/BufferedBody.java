package api.pantheon.payments.edge;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request whose body {@link BodyGate} has already read (or that has none): the rest of the server
 * reads it from memory, and never from the connection. Form parameters are read from the same bytes.
 */
final class BufferedBody extends HttpServletRequestWrapper {

    private static final byte[] NONE = new byte[0];

    /** Set once, by the thread that read it, before the request is dispatched on: the dispatch publishes it. */
    private byte[] body;
    private Map<String, String[]> parameters;

    private final ServletResponse response;

    private BufferedBody(HttpServletRequest request, ServletResponse response, byte[] body) {
        super(request);
        this.response = response;
        this.body = body;
    }

    /** A request whose whole body has been read. */
    static BufferedBody of(HttpServletRequest request, ServletResponse response, byte[] body) {
        return new BufferedBody(request, response, body);
    }

    /** A request whose body is still on its way: {@link #arrived} fills it in. */
    static BufferedBody awaiting(HttpServletRequest request, ServletResponse response) {
        return new BufferedBody(request, response, NONE);
    }

    void arrived(byte[] bytes) {
        this.body = bytes;
    }

    /**
     * A request without a body. Still wrapped: Grizzly frames no body for a request that carries an
     * {@code Upgrade} header (Java's HTTP client asks for h2c on every new connection), so reading one,
     * as form parameters are read, would wait for the connection to close.
     */
    static BufferedBody empty(HttpServletRequest request, ServletResponse response) {
        return new BufferedBody(request, response, NONE);
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    /** The query's parameters, then a form body's, as the servlet specification orders them. */
    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            Map<String, List<String>> read = new LinkedHashMap<>();
            addParameters(read, getQueryString());
            String type = getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                addParameters(read, new String(body, StandardCharsets.UTF_8));
            }
            Map<String, String[]> all = new LinkedHashMap<>();
            read.forEach((name, values) -> all.put(name, values.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(all);
        }
        return parameters;
    }

    private static void addParameters(Map<String, List<String>> into, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            into.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return text; // as the container does: a malformed escape is kept as written
        }
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                try {
                    listener.onDataAvailable();
                    listener.onAllDataRead();
                } catch (IOException e) {
                    listener.onError(e);
                }
            }

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    /**
     * A resource that suspends its response (make payment) starts an asynchronous cycle: started on the
     * container's own request, Jersey would go on with that one, whose body stream is spent and, once the
     * first cycle ends, recycled under it. Started on this one, it keeps reading from memory.
     */
    @Override
    public AsyncContext startAsync() {
        return startAsync(this, response);
    }
}
