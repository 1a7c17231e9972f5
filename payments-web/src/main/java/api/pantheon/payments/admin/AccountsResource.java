package api.pantheon.payments.admin;

import api.pantheon.payments.ledger.boundary.Ledger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts for operators: read one, and deposit money into it (funded by the currency's system account). */
@Path("admin/v1/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provisioning (operators)")
@APIResponse(responseCode = "401", description = "Missing or invalid admin token (code 101)")
public class AccountsResource {

    @Inject
    Ledger ledger;

    @GET
    @Path("{id}")
    @Operation(summary = "Read an account and its balance")
    @APIResponse(responseCode = "404", description = "account_not_found (204)")
    @APIResponse(responseCode = "200", description = "The account and its balance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountDocument")))
    public AdminDocuments.AccountDocument get(@PathParam("id") Long id) {
        return AdminDocuments.AccountDocument.of(ledger.account(id));
    }

    @POST
    @Path("{id}/deposits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deposit money into an account")
    @RequestBody(content = @Content(example = "{\"amount\": 100.00, \"reference\": \"wire 2026-11-21\"}"))
    @APIResponse(responseCode = "200", description = "The account with its new balance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountDocument")))
    @APIResponse(responseCode = "400", description = "invalid_data (400): amount not positive or too many decimals")
    public AdminDocuments.AccountDocument deposit(@PathParam("id") Long id, @Valid @NotNull(message = "is required") DepositBody body) {
        return AdminDocuments.AccountDocument.of(ledger.deposit(id, body.amount(), body.reference(), body.reason()));
    }
}
