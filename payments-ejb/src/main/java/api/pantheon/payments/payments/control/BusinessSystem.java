package api.pantheon.payments.payments.control;

import jakarta.annotation.Resource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The business system behind card and bank accounts ({@code payments.business-system.url}).
 * Status queries go through MicroProfile REST Client; submissions through the JDK's non-blocking
 * HTTP client, so that no thread waits for an answer.
 */
@ApplicationScoped
public class BusinessSystem {

    /** What the business system said about a submission. */
    public enum Answer {
        APPROVED, DECLINED,
        /** No answer in time, or it does not know the submission: reconciliation asks again. */
        UNKNOWN
    }

    private static final long READ_TIMEOUT_SECONDS = 10;
    /** A day's file may be large; it is fetched by a batch job, not by a waiting caller. */
    private static final long SETTLEMENT_FILE_SECONDS = 300;
    /** Made once: looking the JSON provider up on every call showed in profiles. */
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final Logger LOG = Logger.getLogger(BusinessSystem.class.getName());

    /** Whether its last answer was a decision: the log says when this changes, not at every payment. */
    private final AtomicBoolean answering = new AtomicBoolean(true);

    @Inject
    @ConfigProperty(name = "payments.business-system.url")
    Optional<String> url;

    /** Threads that read answers off the wire: they only parse and hand over to the Settler. */
    private static final int ANSWER_THREADS = 4;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedThreadFactory threads;

    private volatile ExecutorService answerExecutor;

    private volatile BusinessSystemApi api;
    private volatile HttpClient http;

    public boolean isConfigured() {
        return url.isPresent();
    }

    /** What the business system is told of a submission; its id makes asking again about it safe. */
    public record Submitted(String submissionId, java.math.BigDecimal amount, String currency, Long accountId,
                            String accountType, String deviceId, String ipAddress) {

        String json() {
            return BUILDERS.createObjectBuilder()
                    .add("submission_id", submissionId)
                    .add("amount", amount)
                    .add("currency", currency)
                    .add("account_id", accountId)
                    .add("account_type", accountType)
                    .add("device_id", deviceId == null ? "" : deviceId)
                    .add("ip_address", ipAddress == null ? "" : ipAddress)
                    .build().toString();
        }
    }

    /**
     * Submits without holding a thread while the business system thinks: the JDK's HTTP client sends
     * and waits on non-blocking sockets, and completes on the few answer threads. (MicroProfile REST
     * Client's asynchronous calls run the blocking request on an executor thread each, which 1,000
     * submissions in flight would exhaust.)
     */
    public CompletionStage<Answer> submit(Submitted submitted) {
        String submissionJson = submitted.json();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/payments"))
                .timeout(Duration.ofSeconds(READ_TIMEOUT_SECONDS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(submissionJson))
                .build();
        return http().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                // A kept-alive connection that the business system closed meanwhile fails with nothing read.
                // The HTTP client sends again only idempotent methods; the submission's id makes this one so.
                .exceptionallyCompose(failure -> isDroppedConnection(failure)
                        ? http().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        : CompletableFuture.failedFuture(failure))
                .handle((response, failure) -> failure != null ? failing("cannot be reached (" + describe(failure) + ")")
                        : answer(response.statusCode(), response.body()));
    }

    public Answer status(String submissionId) {
        try (Response response = api().status(submissionId)) {
            if (response.getStatus() == 404) {
                working();
                return Answer.UNKNOWN; // it never received the submission: reconciliation sends it again
            }
            return answer(response.getStatus(), response.getStatus() == 200 ? response.readEntity(String.class) : "");
        } catch (ProcessingException unreachable) {
            return failing("cannot be reached (" + describe(unreachable) + ")");
        }
    }

    /**
     * The business system's settlement file for a day (CSV: submission_id, amount, currency, status),
     * streamed into a file, never held whole. Whether it has one for that day.
     */
    public boolean settlementFile(LocalDate day, Path into) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/settlements/" + day))
                .timeout(Duration.ofSeconds(SETTLEMENT_FILE_SECONDS)).GET().build();
        // A part left by an attempt cut short would otherwise keep its tail past a shorter new file.
        Files.deleteIfExists(into);
        try {
            int status = http().send(request, HttpResponse.BodyHandlers.ofFile(into)).statusCode();
            if (status == 200) {
                return true;
            }
            Files.deleteIfExists(into);
            if (status == 404) {
                return false;
            }
            throw new IOException("The business system answered HTTP " + status + " for its settlement file of " + day);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching the settlement file of " + day, interrupted);
        }
    }

    private Answer answer(int status, String text) {
        if (status != 200) {
            return failing("answered HTTP " + status);
        }
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            JsonObject body = reader.readObject();
            Answer answer = switch (body.getString("status", "")) {
                case "APPROVED" -> Answer.APPROVED;
                case "DECLINED" -> Answer.DECLINED;
                default -> null;
            };
            if (answer == null) {
                return failing("answered a status it should not: " + body.getString("status", "(none)"));
            }
            working();
            return answer;
        } catch (JsonException | ClassCastException unreadable) {
            return failing("answered something that is not a decision");
        }
    }

    /**
     * The business system failed us: the payment's outcome is unknown, and reconciliation asks again.
     * Said in the log once when it starts failing, not once per payment every five seconds.
     */
    private Answer failing(String how) {
        if (answering.compareAndSet(true, false)) {
            LOG.warning(() -> "The business system at " + url.orElse("(none)") + " " + how
                    + "; payments wait as UNKNOWN for reconciliation until it answers again");
        }
        return Answer.UNKNOWN;
    }

    private void working() {
        if (answering.compareAndSet(false, true)) {
            LOG.info(() -> "The business system at " + url.orElse("(none)") + " answers again");
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = causeOf(failure);
        return isTimeOut(cause) ? "timed out" : cause instanceof ConnectException ? "connection refused"
                : "connection failed: " + Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
    }

    /** The connection broke, neither refused nor timed out: the business system never had the whole submission or never answered it. */
    static boolean isDroppedConnection(Throwable failure) {
        Throwable cause = causeOf(failure);
        return cause instanceof IOException && !isTimeOut(cause) && !(cause instanceof ConnectException);
    }

    private static boolean isTimeOut(Throwable cause) {
        return cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException;
    }

    private static Throwable causeOf(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private synchronized HttpClient http() {
        HttpClient current = http;
        if (current == null) {
            // HTTP/1.1: the JDK client would otherwise upgrade to h2c, and Payara's HTTP/2 input
            // blocks a request thread per stream while it waits for the body.
            current = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                    .executor(answerExecutor()).followRedirects(HttpClient.Redirect.NEVER).build();
            http = current;
        }
        return current;
    }

    private synchronized ExecutorService answerExecutor() {
        if (answerExecutor == null) {
            answerExecutor = Executors.newFixedThreadPool(ANSWER_THREADS, threads);
        }
        return answerExecutor;
    }

    @PreDestroy
    void stop() {
        if (answerExecutor != null) {
            answerExecutor.shutdown();
        }
    }

    private String baseUrl() {
        return url.orElseThrow(() -> new IllegalStateException("payments.business-system.url is not set")).replaceAll("/+$", "");
    }

    private synchronized BusinessSystemApi api() {
        BusinessSystemApi current = api;
        if (current == null) {
            current = RestClientBuilder.newBuilder()
                    .baseUri(URI.create(baseUrl()))
                    .connectTimeout(3, TimeUnit.SECONDS)
                    .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .executorService(executor)
                    .property("microprofile.rest.client.disable.default.mapper", true)
                    .build(BusinessSystemApi.class);
            api = current;
        }
        return current;
    }
}
