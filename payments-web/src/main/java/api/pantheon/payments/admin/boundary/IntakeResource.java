package api.pantheon.payments.admin.boundary;

import api.pantheon.payments.payments.control.Intake;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets an operator stop this instance taking new payments before a deployment, and start again. */
@Path("admin/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provisioning (operators)")
public class IntakeResource {

    @Inject
    Intake intake;

    public record IntakeState(boolean takingPayments) {
    }

    @POST
    @Path("drain")
    @Operation(summary = "Refuse new payments on this instance (503) while the ones in flight finish")
    public IntakeState drain() {
        intake.drain();
        return new IntakeState(intake.isOpen());
    }

    @POST
    @Path("undrain")
    @Operation(summary = "Take new payments again")
    public IntakeState undrain() {
        intake.undrain();
        return new IntakeState(intake.isOpen());
    }
}
