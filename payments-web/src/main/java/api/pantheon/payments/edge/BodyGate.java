package api.pantheon.payments.edge;

import api.pantheon.payments.errors.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every request body passes here before anything else reads it. It is read without blocking, so a
 * client that sends its body slowly holds a connection but no request thread; it must arrive whole
 * within {@code payments.http.body-seconds} (a rate floor: 64 KiB in 10 s is 6.5 KiB/s), be at most
 * {@code payments.http.max-body-bytes}, and, when it is JSON, nest at most
 * {@code payments.http.max-json-depth} levels. Only then is the request handed on, with the body in
 * memory. A content type that cannot be parsed, or names a charset other than UTF-8, is refused too
 * (JSON is UTF-8), before a library further on trips over it.
 */
@WebFilter(filterName = "BodyGate", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class BodyGate implements Filter {

    private static final Logger LOG = Logger.getLogger(BodyGate.class.getName());
    /**
     * How much of a body too large to take is still read and thrown away, so that the client, still
     * sending, gets its 413 instead of a reset connection. Beyond this the connection is simply closed.
     */
    private static final long DISCARDED_MAX = 1 << 20;
    private static final String CONSOLE = "/console";
    /** A merchant's own upload (/v1/bulk-requests) and an operator's on its behalf (/admin/v1/parties/{id}/bulk-requests). */
    private static final String BULK_UPLOAD = "/bulk-requests";

    @Inject
    WithRequestContext requestContext;

    @Resource
    ManagedThreadFactory threads;

    /** Keeps the deadlines of bodies still arriving. */
    private ScheduledExecutorService overdue;

    @Inject
    @ConfigProperty(name = "payments.http.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "payments.http.max-json-depth", defaultValue = "32")
    int maxJsonDepth;

    @Inject
    @ConfigProperty(name = "payments.http.body-seconds", defaultValue = "10")
    int bodySeconds;

    @Override
    public void init(FilterConfig config) {
        // Not the container's managed scheduler: it saves the caller's context for every task, and Payara
        // finds its context providers by scanning the class path each time, queued on a jar's lock. With a
        // thousand make-payment calls at once that cost more than reading their bodies. A thread made by
        // the container's factory carries the application's context once, from its start.
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.setRemoveOnCancelPolicy(true); // nearly every deadline is cancelled within milliseconds
        overdue = scheduler;
    }

    @Override
    public void destroy() {
        overdue.shutdownNow();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            // Back from reading the body: the request is the one the body was read into (startAsync's).
            requestContext.proceed(chain, request, response);
            return;
        }
        if (http.getServletPath().startsWith(CONSOLE)) {
            // The console's form posts are read by the servlet container as parameters (within its post
            // size limit) or as multipart parts (within ActionServlet's); only the API's bodies come here.
            chain.doFilter(request, response);
            return;
        }
        Optional<ContentType> type;
        try {
            type = ContentType.parse(http.getContentType());
        } catch (IllegalArgumentException malformed) {
            refuse(out, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type: " + malformed.getMessage());
            return;
        }
        if (type.flatMap(ContentType::charset).filter(charset -> !ContentType.isUtf8(charset)).isPresent()) {
            refuse(out, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type: the charset must be UTF-8");
            return;
        }
        if (isBulkUpload(http, type)) {
            // A bulk file is streamed to disk by its resource, within its own size limit; it is never buffered here.
            chain.doFilter(request, response);
            return;
        }
        long length = http.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(http.getHeader("Transfer-Encoding"));
        if (length <= 0 && !chunked) {
            chain.doFilter(BufferedBody.empty(http, response), response);
            return;
        }
        if (length > maxBodyBytes + DISCARDED_MAX) {
            refuse(out, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge());
            return;
        }
        boolean json = type.map(ContentType::isJson).orElse(true);
        if (length > 0 && length <= maxBodyBytes && http.getInputStream().available() >= length) {
            // Most bodies arrive with their headers: take them on this thread, with no asynchronous cycle.
            byte[] bytes = http.getInputStream().readNBytes((int) length);
            if (json && JsonDepth.exceeds(bytes, maxJsonDepth)) {
                refuse(out, ErrorCode.INVALID_DATA, tooDeep());
                return;
            }
            chain.doFilter(BufferedBody.of(http, response, bytes), response);
            return;
        }
        BufferedBody buffered = BufferedBody.awaiting(http, response);
        new Reading(http.startAsync(buffered, response), buffered, json, length).start();
    }

    private static boolean isBulkUpload(HttpServletRequest http, Optional<ContentType> type) {
        return "POST".equals(http.getMethod()) && http.getRequestURI().endsWith(BULK_UPLOAD)
                && type.map(ContentType::isCsv).orElse(false);
    }

    private String tooDeep() {
        return "request body: JSON may nest at most " + maxJsonDepth + " levels";
    }

    private String tooLarge() {
        return "request body: at most " + maxBodyBytes + " bytes";
    }

    private static void refuse(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        // The rest of the body is not read: the connection cannot carry another request.
        response.setHeader("Connection", "close");
        ErrorEnvelope.write(response, code, message);
    }

    /** One body being read as its bytes arrive; exactly one of dispatch, refusal or time-out ends it. */
    private final class Reading implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final BufferedBody request;
        private final boolean json;
        /** The announced length, or -1 when chunked. */
        private final long length;
        private final ByteArrayOutputStream body;
        private final byte[] buffer = new byte[8192];
        private long received;
        private final AtomicBoolean ended = new AtomicBoolean();
        private ServletInputStream in;
        private ScheduledFuture<?> deadline;

        Reading(AsyncContext async, BufferedBody request, boolean json, long length) {
            this.async = async;
            this.request = request;
            this.json = json;
            this.length = length;
            this.body = new ByteArrayOutputStream((int) Math.min(Math.max(length, 256), maxBodyBytes));
        }

        void start() throws IOException {
            // The deadline is ours, not the container's: a container time-out set here would outlive the
            // dispatch and cut short a call that suspends its answer afterwards (make payment's wait).
            async.setTimeout(0);
            deadline = overdue.schedule(this::overdue, bodySeconds, TimeUnit.SECONDS);
            async.addListener(this);
            in = ((HttpServletRequest) request.getRequest()).getInputStream();
            in.setReadListener(this);
        }

        @Override
        public void onDataAvailable() throws IOException {
            drain();
            if (in.isFinished() || length >= 0 && received >= length) {
                // Grizzly does not follow the last read with onAllDataRead when the request carries an
                // Upgrade header (as Java's HTTP client sends, asking for h2c): its length says it is done.
                onAllDataRead();
            }
        }

        /** Reads what has arrived; false once the body turned out too large (and is being thrown away). */
        private boolean drain() throws IOException {
            while (!ended.get() && (length < 0 || received < length) && in.isReady()) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                received += read;
                if (received <= maxBodyBytes) {
                    body.write(buffer, 0, read);
                } else if (received > maxBodyBytes + DISCARDED_MAX) {
                    end(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge());
                }
            }
            return received <= maxBodyBytes;
        }

        @Override
        public void onAllDataRead() throws IOException {
            // The whole body may have come with the headers, announced by this call alone: read it first.
            boolean withinLimit = drain();
            if (ended.get()) {
                return;
            }
            if (!withinLimit) {
                end(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge());
                return;
            }
            byte[] bytes = body.toByteArray();
            if (json && JsonDepth.exceeds(bytes, maxJsonDepth)) {
                end(ErrorCode.INVALID_DATA, tooDeep());
                return;
            }
            if (ended.compareAndSet(false, true)) {
                deadline.cancel(false);
                request.arrived(bytes);
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable failure) {
            // The client went away or broke the connection mid-body: nobody is left to answer.
            LOG.log(Level.FINE, "A request body was not read to its end", failure);
            if (ended.compareAndSet(false, true)) {
                deadline.cancel(false);
                async.complete();
            }
        }

        private void overdue() {
            try {
                end(ErrorCode.REQUEST_TIMEOUT, "request body: not received within " + bodySeconds + " seconds");
            } catch (IOException clientGone) {
                // it stopped sending and stopped listening: nobody is left to tell
                LOG.log(Level.FINE, "An overdue body's client went away", clientGone);
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // no container time-out is set: the deadline is kept by overdue()
        }

        private void end(ErrorCode code, String message) throws IOException {
            if (ended.compareAndSet(false, true)) {
                deadline.cancel(false);
                refuse((HttpServletResponse) async.getResponse(), code, message);
                async.complete();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // nothing to release: the body is garbage once the request is done
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a resource suspending its response later (make payment) starts a new cycle of its own
        }
    }
}
