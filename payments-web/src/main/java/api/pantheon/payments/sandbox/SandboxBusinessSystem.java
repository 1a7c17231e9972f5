package api.pantheon.payments.sandbox;

import api.pantheon.payments.edge.Json;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A business system for trying things out, reached over HTTP like a real one, deciding by the
 * amount's cents as test cards do: .01 declined; .02 approved after 3 seconds; .03 no answer to the
 * first call (approved when asked again); anything else approved at once. Like a real one it serves
 * a settlement file per UTC day of what it decided, whose lines can be planted or hidden to try
 * reconciliation's differences. On when {@code payments.sandbox.enabled} (the embedded set-up);
 * absent otherwise. It keeps what it decided in memory only.
 */
@Path("sandbox")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sandbox business system")
public class SandboxBusinessSystem {

    /** What it decided about one submission, and on which day: a line of that day's settlement file. */
    private record Decision(String status, BigDecimal amount, String currency, LocalDate day, boolean listed) {
    }

    private final Map<String, Decision> decided = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    private static final CSVFormat SETTLEMENT_FILE = CSVFormat.RFC4180.builder()
            .setHeader("submission_id", "amount", "currency", "status").get();

    @Inject
    @ConfigProperty(name = "payments.sandbox.enabled", defaultValue = "false")
    boolean enabled;

    @Resource
    ManagedThreadFactory threads;

    /** Holds the slow answers; not the managed scheduler, which saves the caller's context per task (see BodyGate). */
    private ScheduledExecutorService scheduler;

    @PostConstruct
    void createScheduler() {
        scheduler = Executors.newSingleThreadScheduledExecutor(threads);
    }

    @PreDestroy
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @POST
    @Path("payments")
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
        String currency = submission.getString("currency", "");
        int cents = amount.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        switch (cents) {
            case 1 -> response.resume(decide(id, "DECLINED", amount, currency));
            case 2 -> scheduler.schedule(() -> response.resume(decide(id, "APPROVED", amount, currency)), 3, TimeUnit.SECONDS);
            case 3 -> {
                if (decided.putIfAbsent(id, decision("APPROVED", amount, currency)) != null) {
                    response.resume(decide(id, "APPROVED", amount, currency));
                } else {
                    response.setTimeout(60, TimeUnit.SECONDS); // no answer: the caller times out first
                }
            }
            default -> response.resume(decide(id, "APPROVED", amount, currency));
        }
    }

    @GET
    @Path("payments/{id}")
    @Operation(summary = "What was decided for a submission; 404 when it never arrived")
    public Response status(@PathParam("id") String id) {
        requireEnabled();
        Decision decision = decided.get(id);
        if (decision == null) {
            throw new NotFoundException();
        }
        return answer(id, decision.status());
    }

    @GET
    @Path("settlements/{date}")
    @Produces("text/csv")
    @Operation(summary = "The settlement file of a UTC day: submission_id, amount, currency, status")
    public Response settlementFile(@PathParam("date") String date) {
        requireEnabled();
        LocalDate day = day(date);
        StreamingOutput file = output -> {
            try (CSVPrinter printer = SETTLEMENT_FILE.print(new OutputStreamWriter(output, StandardCharsets.UTF_8))) {
                for (Map.Entry<String, Decision> line : new TreeMap<>(decided).entrySet()) {
                    Decision decision = line.getValue();
                    if (decision.day().equals(day) && decision.listed()) {
                        printer.printRecord(line.getKey(), decision.amount().toPlainString(), decision.currency(), decision.status());
                    }
                }
            }
        };
        return Response.ok(file, "text/csv").build();
    }

    /** Plants a line in a day's file, as a business system that recorded something else would have. */
    @PUT
    @Path("settlements/{date}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plant a line in a day's settlement file: {\"amount\",\"currency\",\"status\"}")
    public Response plant(@PathParam("date") String date, @PathParam("id") String id, String body) {
        requireEnabled();
        JsonObject line;
        try (JsonReader reader = Json.READERS.createReader(new StringReader(body))) {
            line = reader.readObject();
        }
        decided.put(id, new Decision(line.getString("status"), line.getJsonNumber("amount").bigDecimalValue(),
                line.getString("currency"), day(date), true));
        return Response.noContent().build();
    }

    /** Leaves a submission out of its day's file, as a business system that lost it would. */
    @DELETE
    @Path("settlements/{date}/{id}")
    @Operation(summary = "Leave a submission out of its day's settlement file")
    public Response hide(@PathParam("date") String date, @PathParam("id") String id) {
        requireEnabled();
        Decision decision = decided.get(id);
        if (decision == null || !decision.day().equals(day(date))) {
            throw new NotFoundException();
        }
        decided.put(id, new Decision(decision.status(), decision.amount(), decision.currency(), decision.day(), false));
        return Response.noContent().build();
    }

    private static LocalDate day(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException notADay) {
            throw new NotFoundException();
        }
    }

    private Decision decision(String status, BigDecimal amount, String currency) {
        return new Decision(status, amount, currency, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), true);
    }

    private Response decide(String id, String status, BigDecimal amount, String currency) {
        decided.put(id, decision(status, amount, currency));
        return answer(id, status);
    }

    private static Response answer(String id, String status) {
        return Response.ok(Json.BUILDERS.createObjectBuilder().add("submission_id", id).add("status", status).build().toString()).build();
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFoundException();
        }
    }
}
