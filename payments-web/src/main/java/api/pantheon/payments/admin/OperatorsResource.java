package api.pantheon.payments.admin;

import api.pantheon.payments.operators.boundary.Operators;
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

/** The console's operators, for scripts: the same rules as the console's own page. */
@Path("admin/v1/operators")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operators and audit")
@APIResponse(responseCode = "401", description = "Missing or invalid admin token (code 101)")
public class OperatorsResource {

    @Inject
    Operators operators;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an operator (VIEWER, OPERATOR or ADMIN); a reason is required, in the body or Audit-Reason")
    @RequestBody(content = @Content(example = "{\"username\":\"maria\",\"password\":\"a long passphrase\",\"role\":\"OPERATOR\","
            + "\"reason\":\"joined the support team\"}"))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OperatorDocument")))
    @APIResponse(responseCode = "409", description = "operator_exists (205)")
    public Response create(@Valid @NotNull(message = "is required") OperatorBody body) {
        var operator = operators.create(body.username(), body.password(), body.role(), body.reason());
        return Response.created(uri.getAbsolutePathBuilder().path(operator.username()).build())
                .entity(AdminDocuments.OperatorDocument.of(operator)).build();
    }

    @GET
    @Operation(summary = "The operators who may log in")
    @APIResponse(responseCode = "200", description = "The operators",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OperatorDocumentList")))
    public List<AdminDocuments.OperatorDocument> list() {
        return operators.list().stream().map(AdminDocuments.OperatorDocument::of).toList();
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Remove an operator: they can no longer log in; a reason is required (Audit-Reason)")
    @APIResponse(responseCode = "200", description = "Removed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OperatorDocument")))
    @APIResponse(responseCode = "404", description = "not_found: no such operator")
    public AdminDocuments.OperatorDocument remove(@PathParam("username") String username) {
        return AdminDocuments.OperatorDocument.of(operators.remove(username, null));
    }
}
