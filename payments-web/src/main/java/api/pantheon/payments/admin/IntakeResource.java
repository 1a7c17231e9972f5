package api.pantheon.payments.admin;

import api.pantheon.payments.payments.boundary.Submissions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets an operator stop this instance taking new payments before a deployment, and start again. */
@Path("admin/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provisioning (operators)")
public class IntakeResource {

    @Inject
    Submissions submissions;

    public record IntakeState(boolean takingPayments) {
    }

    @POST
    @Path("drain")
    @Operation(summary = "Refuse new payments on this instance (503) while the ones in flight finish")
    @APIResponse(responseCode = "200", description = "No longer taking new payments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IntakeState")))
    public IntakeState drain() {
        return new IntakeState(submissions.drain());
    }

    @POST
    @Path("undrain")
    @Operation(summary = "Take new payments again")
    @APIResponse(responseCode = "200", description = "Taking payments again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IntakeState")))
    public IntakeState undrain() {
        return new IntakeState(submissions.undrain());
    }
}
