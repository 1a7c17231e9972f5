package api.pantheon.payments.dialects.messaging000;

import api.pantheon.payments.dialects.requests001.EventDocuments;
import api.pantheon.payments.dialects.requests001.NewRequestBody;
import api.pantheon.payments.edge.idempotency.OneTransaction;
import api.pantheon.payments.events.boundary.Events;
import api.pantheon.payments.requests.boundary.PaymentRequests;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 000: a payment request sent to the recipient through a messaging channel. */
@Path("requestPayment")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messaging (000)")
@APIResponse(responseCode = "401", description = "Missing or invalid credentials (code 100)")
public class MessagingResource {

    /** The channel that is read rather than sent: a request there is delivered as soon as it exists. */
    private static final String INBOX = "inbox";

    @Inject
    PaymentRequests requests;

    @Inject
    Events events;

    @Context
    SecurityContext caller;

    public record Sent(boolean success, String id, long created, String channel, List<EventDocuments.DeliveryItem> deliveries,
                       boolean delivered) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a payment request and send it to the recipient through a messaging channel",
            description = "The fields of POST /v1/requests plus channel: inbox, email, or a configured gateway "
                    + "(e.g. whatsapp). Without channel, the recipient's preferred one, else the inbox.")
    @RequestBody(content = @Content(example = "{\"amount\": 10.99,\"currency\": \"USD\",\"recipient\": \"+14155551212\","
            + "\"description\": \"T-shirt\",\"channel\": \"whatsapp\"}"))
    @APIResponse(responseCode = "200", description = "Created; deliveries says per channel whether it was delivered yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Sent")))
    @APIResponse(responseCode = "400", description = "invalid_data, e.g. channel unknown or not configured")
    @OneTransaction
    public Sent requestPayment(@Valid @NotNull(message = "is required") NewRequestBody body) {
        RequestView created = requests.create(callerId(), body.asOrderThroughChannel());
        String used = created.channel().orElse(INBOX);
        List<EventDocuments.DeliveryItem> deliveries = events.deliveriesOfRequest(created.id(), callerId()).stream()
                .map(EventDocuments.DeliveryItem::of).toList();
        boolean delivered = INBOX.equals(used)
                || deliveries.stream().anyMatch(d -> d.channel().equals(used) && d.state().equals("DELIVERED"));
        return new Sent(true, created.id(), created.createdAt().getEpochSecond(), used, deliveries, delivered);
    }

    private String callerId() {
        return caller.getUserPrincipal().getName();
    }
}
