package api.pantheon.payments.admin;

import api.pantheon.payments.ledger.boundary.Books;
import api.pantheon.payments.ledger.entity.BooksReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ledger's health for operators: the whole check of the books, run now. */
@Path("admin/v1/ledger")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provisioning (operators)")
public class LedgerResource {

    @Inject
    Books books;

    @GET
    @Path("trial-balance")
    @Operation(summary = "Whether the books balance, and what disagrees if they do not",
            description = "balanced is true when every currency's balances and postings sum to zero, every account's"
                    + " balance equals the sum of its postings, every ledger transaction balances, every completed"
                    + " payment has its ledger transaction and every paid request its completed payment.")
    @APIResponse(responseCode = "200", description = "The trial balance and every disagreement it found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BooksReport")))
    public BooksReport trialBalance() {
        return books.check();
    }
}
