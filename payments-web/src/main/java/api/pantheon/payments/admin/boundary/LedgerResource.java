package api.pantheon.payments.admin.boundary;

import api.pantheon.payments.ledger.boundary.CurrencyTotals;
import api.pantheon.payments.ledger.boundary.Ledger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ledger's health for operators: every currency's balances and postings should sum to zero. */
@Path("admin/v1/ledger")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provisioning (operators)")
public class LedgerResource {

    @Inject
    Ledger ledger;

    public record TrialBalance(List<CurrencyTotals> currencies) {
    }

    @GET
    @Path("trial-balance")
    @Operation(summary = "Sum of balances and of postings per currency (both zero when the books balance)")
    public TrialBalance trialBalance() {
        return new TrialBalance(ledger.trialBalance());
    }
}
