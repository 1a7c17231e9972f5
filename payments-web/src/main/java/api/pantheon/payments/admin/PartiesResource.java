package api.pantheon.payments.admin;

import api.pantheon.payments.ledger.boundary.Ledger;
import api.pantheon.payments.parties.boundary.Parties;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Provisioning for operators and scripts: parties, their accounts and their API keys. */
@Path("admin/v1/parties")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provisioning (operators)")
@APIResponse(responseCode = "401", description = "Missing or invalid admin token (code 101)")
public class PartiesResource {

    @Inject
    Parties parties;

    @Inject
    Ledger ledger;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a merchant or a person")
    @RequestBody(content = @Content(example = "{\"kind\":\"MERCHANT\",\"username\":\"acme\",\"phone\":\"+14155550100\","
            + "\"display_name\":\"Acme Inc.\",\"email\":\"billing@acme.example\",\"preferred_channel\":\"email\"}"))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PartyDocument")))
    @APIResponse(responseCode = "409", description = "party_exists (202): the username or phone is taken")
    public Response register(@Valid @NotNull(message = "is required") RegisterPartyBody body) {
        var party = parties.register(body.partyKind(), body.username(), body.phone(), body.displayName(), body.email(),
                body.preferredChannel());
        return Response.created(uri.getAbsolutePathBuilder().path(party.id()).build())
                .entity(AdminDocuments.PartyDocument.of(party)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a party")
    @APIResponse(responseCode = "200", description = "The party",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PartyDocument")))
    public AdminDocuments.PartyDocument get(@PathParam("id") String id) {
        return AdminDocuments.PartyDocument.of(parties.view(id));
    }

    @POST
    @Path("{id}/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open an account in a supported currency")
    @RequestBody(content = @Content(example = "{\"currency\":\"USD\",\"type\":\"CARD\"}"))
    @APIResponse(responseCode = "201", description = "Opened, with a zero balance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountDocument")))
    public Response openAccount(@PathParam("id") String partyId, @Valid @NotNull(message = "is required") OpenAccountBody body) {
        var account = ledger.open(partyId, body.currency(), body.accountKind());
        return Response.created(uri.getBaseUriBuilder().path("admin/v1/accounts").path(String.valueOf(account.id())).build())
                .entity(AdminDocuments.AccountDocument.of(account)).build();
    }

    @POST
    @Path("{id}/keys")
    @Operation(summary = "Issue an API key; the token and signing secret are shown only in this answer")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KeyDocument")))
    public Response issueKey(@PathParam("id") String partyId) {
        return Response.status(Response.Status.CREATED).entity(AdminDocuments.KeyDocument.of(parties.issueKey(partyId, null))).build();
    }

    @GET
    @Path("{id}/keys")
    @Operation(summary = "The party's keys, live and revoked (never their secrets)")
    @APIResponse(responseCode = "200", description = "The keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KeyStatusList")))
    public List<AdminDocuments.KeyStatus> keys(@PathParam("id") String partyId) {
        return parties.keysOf(partyId).stream().map(AdminDocuments.KeyStatus::of).toList();
    }

    @DELETE
    @Path("{id}/keys/{keyId}")
    @Operation(summary = "Revoke a key: within a second it authenticates and signs nothing, on every instance")
    @APIResponse(responseCode = "200", description = "Revoked (again, if it was already)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "KeyStatus")))
    @APIResponse(responseCode = "404", description = "not_found: no such key of this party")
    public AdminDocuments.KeyStatus revokeKey(@PathParam("id") String partyId, @PathParam("keyId") String keyId) {
        return AdminDocuments.KeyStatus.of(parties.revokeKey(partyId, keyId, null));
    }
}
