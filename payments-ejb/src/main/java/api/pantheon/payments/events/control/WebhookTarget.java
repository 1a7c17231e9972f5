package api.pantheon.payments.events.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A URL the server POSTs JSON to (a client's callback, a messaging gateway), called through
 * MicroProfile REST Client with the URL as its base. A null signature sends no header: gateways get
 * {@code Payments-Signature}, make-payment callbacks (seed 003) {@code Webhooks-signature}.
 */
@Path("")
public interface WebhookTarget {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(@HeaderParam("Payments-Event-Id") String eventId,
                  @HeaderParam("Payments-Signature") String signature,
                  @HeaderParam("Webhooks-signature") String webhooksSignature,
                  String body);
}
