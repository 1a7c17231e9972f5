package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.edge.QueryParams;
import api.pantheon.payments.events.boundary.EventPage;
import api.pantheon.payments.events.boundary.Events;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A client's events, so one that missed callbacks can catch up, their delivery log, and replay.
 */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events and callbacks")
@APIResponse(responseCode = "401", description = "Missing or invalid credentials (code 100)")
public class EventsResource {

    @Inject
    Events events;

    @Context
    SecurityContext caller;

    @Context
    UriInfo uri;

    @GET
    @Path("events")
    @Operation(summary = "Your events, newest first; the Link header (rel=next) gives the next page")
    @APIResponse(responseCode = "200", description = "A page of events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EventItemList")))
    public Response list(@QueryParam("limit") String limit, @QueryParam("before") String before) {
        int size = QueryParams.pageSize(limit);
        EventPage page = events.page(callerId(),
                before == null ? Long.MAX_VALUE : QueryParams.wholeNumber("before", before, 1, Long.MAX_VALUE), size);
        Response.ResponseBuilder response = Response.ok(page.events().stream().map(EventDocuments.EventItem::of).toList());
        page.nextBefore().ifPresent(next -> response.link(uri.getRequestUriBuilder()
                .replaceQueryParam("before", next).replaceQueryParam("limit", size).build(), "next"));
        return response.build();
    }

    @GET
    @Path("events/{id}/deliveries")
    @Operation(summary = "Where an event's callback deliveries stand")
    @APIResponse(responseCode = "200", description = "The event's deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeliveryItemList")))
    public List<EventDocuments.DeliveryItem> deliveries(@PathParam("id") String eventId) {
        return events.deliveriesOf(eventId, callerId()).stream().map(EventDocuments.DeliveryItem::of).toList();
    }

    @POST
    @Path("events/{id}/replay")
    @Operation(summary = "Deliver this event's callback again (a delivered or dead one too)")
    @APIResponse(responseCode = "202", description = "Owed again; delivered within a second or two",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeliveryItem")))
    public Response replay(@PathParam("id") String eventId) {
        return Response.accepted(EventDocuments.DeliveryItem.of(events.replay(eventId, callerId()))).build();
    }

    private String callerId() {
        return caller.getUserPrincipal().getName();
    }
}
