package api.pantheon.payments.payments.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A business system that decides card and bank payments, over HTTP: {@code POST payments} with
 * {@code {"submission_id","amount","currency","account_id","account_type","device_id","ip_address"}}
 * (sent by {@link BusinessSystem#submit}), and this status query. Submissions carry their own id, so
 * submitting again, or asking later, is about the same payment.
 */
@Path("payments")
@Produces(MediaType.APPLICATION_JSON)
public interface BusinessSystemApi {

    /** 200 {@code {"status":"APPROVED"|"DECLINED"}}, or 404 when it never received the submission. */
    @GET
    @Path("{id}")
    Response status(@PathParam("id") String submissionId);
}
