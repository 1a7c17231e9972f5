package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.admin;
import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.eventually;
import static api.pantheon.payments.it.Api.get;
import static api.pantheon.payments.it.Api.json;
import static api.pantheon.payments.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retention job, run with no retention at all so that today's data is past it: what ended unpaid
 * and finished deliveries go; payments, paid requests, postings and the audit trail stay. Nested in
 * {@link PaymentsIT}.
 */
abstract class RetentionScenarios extends WithCallbackReceiver {

    private String request(Client merchant, Client payer, String path) {
        return check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("3.00"), "currency", "USD",
                "recipient", payer.username(), "notify_url", receiver.url(path))), 200).string("id");
    }

    private List<JsonObject> deliveries(Client merchant, String request) {
        return check(get(merchant.token(), "v1/requests/" + request + "/deliveries"), 200).array().getValuesAs(JsonObject.class);
    }

    private static Reply retained(String body) {
        String runId = check(admin("POST", "jobs/retention", body), 202).string("id");
        return eventually(() -> check(admin("GET", "jobs/" + runId, null), 200),
                reply -> !List.of("STARTING", "STARTED", "STOPPING").contains(reply.string("status")), 60_000);
    }

    @Test
    void removesWhatEndedUnpaidAndFinishedDeliveriesButNothingOfTheBooksOrTheTrail() throws InterruptedException {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "20");
        String paid = request(merchant, payer, "/retention-paid");
        String cancelled = request(merchant, payer, "/retention-cancelled");
        String pending = PaymentsIT.request(merchant, payer.username(), "2.00");
        check(post(payer.token(), "v1/requests/" + paid + "/pay", json("account_id", payer.accountId())), 200);
        check(post(merchant.token(), "v1/requests/" + cancelled + "/cancel", null), 200);
        receiver.await("/retention-paid", 1, 10_000);
        for (String request : List.of(paid, cancelled)) {
            // nothing in flight when the job runs: a delivery removed while sent would only be logged, but not tested
            eventually(() -> deliveries(merchant, request), list -> (request.equals(cancelled) || !list.isEmpty())
                    && list.stream().allMatch(d -> d.getString("state").equals("DELIVERED")), 10_000);
        }
        BigDecimal merchantBalance = Api.balance(merchant.accountId());
        int trail = check(admin("GET", "audit?target=" + cancelled, null), 200).json().getJsonArray("entries").size();

        Reply underDefaults = retained("{}");
        assertEquals(200, get(merchant.token(), "v1/requests/" + cancelled).status(), "within 400 days: kept");
        assertFalse(deliveries(merchant, paid).isEmpty(), "within 30 days: kept");
        assertEquals("COMPLETED", underDefaults.string("status"), underDefaults.toString());

        Reply run = retained("{\"deliveries_days\": 0, \"requests_days\": 0}");
        assertEquals("COMPLETED", run.string("status"), run.toString());
        assertTrue(run.number("rows_done") >= 3, "at least two deliveries and one request: " + run);

        assertEquals(404, get(merchant.token(), "v1/requests/" + cancelled).status(), "ended unpaid: removed");
        Reply kept = check(get(merchant.token(), "v1/requests/" + paid), 200);
        assertEquals("PAID", kept.string("status").toUpperCase(), kept.toString());
        assertEquals(200, get(merchant.token(), "v1/requests/" + pending).status(), "still open: kept");
        assertTrue(deliveries(merchant, paid).isEmpty(), "a delivered callback past its retention is removed");
        assertEquals(0, merchantBalance.compareTo(Api.balance(merchant.accountId())), "no posting removed");
        assertEquals(trail, check(admin("GET", "audit?target=" + cancelled, null), 200).json().getJsonArray("entries").size(),
                "the audit trail keeps every line");
        assertFalse(trail == 0, "the cancel was in the trail to begin with");
        PaymentsIT.assertBooksBalance();
    }
}
