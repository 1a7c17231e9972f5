package api.pantheon.payments.events.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A client's callback URL, called through MicroProfile REST Client with the URL as its base. */
@Path("")
public interface CallbackTarget {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(@HeaderParam("Payments-Event-Id") String eventId, String body);
}
