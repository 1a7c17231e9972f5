package api.pantheon.payments.payments.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The business system behind card and bank accounts ({@code payments.business-system.url}),
 * through MicroProfile REST Client. Submitting is asynchronous: no thread waits for the answer.
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

    @Inject
    @ConfigProperty(name = "payments.business-system.url")
    Optional<String> url;

    @Resource
    ManagedExecutorService executor;

    private volatile BusinessSystemApi api;

    public boolean isConfigured() {
        return url.isPresent();
    }

    public CompletionStage<Answer> submit(String submissionJson) {
        return api().submit(submissionJson).handle((response, failure) -> {
            if (failure != null || response == null) {
                return Answer.UNKNOWN;
            }
            try (response) {
                return answer(response);
            }
        });
    }

    public Answer status(String submissionId) {
        try (Response response = api().status(submissionId)) {
            return answer(response);
        } catch (RuntimeException unreachable) {
            return Answer.UNKNOWN;
        }
    }

    private static Answer answer(Response response) {
        if (response.getStatus() != 200) {
            return Answer.UNKNOWN;
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.readEntity(String.class)))) {
            JsonObject body = reader.readObject();
            return switch (body.getString("status", "")) {
                case "APPROVED" -> Answer.APPROVED;
                case "DECLINED" -> Answer.DECLINED;
                default -> Answer.UNKNOWN;
            };
        } catch (RuntimeException unreadable) {
            return Answer.UNKNOWN;
        }
    }

    private BusinessSystemApi api() {
        BusinessSystemApi current = api;
        if (current == null) {
            current = RestClientBuilder.newBuilder()
                    .baseUri(URI.create(url.orElseThrow(() -> new IllegalStateException("payments.business-system.url is not set"))))
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
