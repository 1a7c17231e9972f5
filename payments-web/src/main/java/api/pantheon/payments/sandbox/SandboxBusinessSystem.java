package api.pantheon.payments.sandbox;

import api.pantheon.payments.edge.Json;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A business system for trying things out, reached over HTTP like a real one, deciding by the
 * amount's cents as test cards do: .01 declined; .02 approved after 3 seconds; .03 no answer to the
 * first call (approved when asked again); anything else approved at once. On when
 * {@code payments.sandbox.enabled} (the embedded set-up); absent otherwise.
 */
@Path("sandbox/payments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sandbox business system")
public class SandboxBusinessSystem {

    private final Map<String, String> decided = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "payments.sandbox.enabled", defaultValue = "false")
    boolean enabled;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide a submission by its amount's cents")
    public void submit(String body, @Suspended AsyncResponse response) {
        requireEnabled();
        JsonObject submission;
        try (JsonReader reader = Json.READERS.createReader(new StringReader(body))) {
            submission = reader.readObject();
        }
        String id = submission.getString("submission_id");
        BigDecimal amount = submission.getJsonNumber("amount").bigDecimalValue();
        int cents = amount.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        switch (cents) {
            case 1 -> response.resume(decide(id, "DECLINED"));
            case 2 -> scheduler.schedule(() -> response.resume(decide(id, "APPROVED")), 3, TimeUnit.SECONDS);
            case 3 -> {
                if (decided.putIfAbsent(id, "APPROVED") != null) {
                    response.resume(decide(id, "APPROVED"));
                } else {
                    response.setTimeout(60, TimeUnit.SECONDS); // no answer: the caller times out first
                }
            }
            default -> response.resume(decide(id, "APPROVED"));
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "What was decided for a submission; 404 when it never arrived")
    public Response status(@PathParam("id") String id) {
        requireEnabled();
        String status = decided.get(id);
        if (status == null) {
            throw new NotFoundException();
        }
        return Response.ok(Json.BUILDERS.createObjectBuilder().add("submission_id", id).add("status", status).build().toString()).build();
    }

    private Response decide(String id, String status) {
        decided.put(id, status);
        return Response.ok(Json.BUILDERS.createObjectBuilder().add("submission_id", id).add("status", status).build().toString()).build();
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFoundException();
        }
    }
}
