package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.admin;
import static api.pantheon.payments.it.Api.balance;
import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.eventually;
import static api.pantheon.payments.it.Api.json;
import static api.pantheon.payments.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Batch jobs through the admin API: the settlement report tied to the ledger to the cent, a
 * scheduled occasion started once however often it is asked for, and refusals. Nested in {@link PaymentsIT}.
 */
abstract class JobScenarios {

    private static Reply finished(String runId) {
        return eventually(() -> check(admin("GET", "jobs/" + runId, null), 200),
                reply -> !List.of("STARTING", "STARTED", "STOPPING").contains(reply.string("status")), 30_000);
    }

    @Test
    void todaysSettlementReportTiesEveryMerchantFigureToTheLedger() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "100");
        String first = PaymentsIT.request(merchant, payer.username(), "20.00");
        String second = PaymentsIT.request(merchant, payer.username(), "5.50");
        check(post(payer.token(), "v1/requests/" + first + "/pay", json("account_id", payer.accountId())), 200);
        check(post(payer.token(), "v1/requests/" + second + "/pay", json("account_id", payer.accountId())), 200);
        check(post(merchant.token(), "v1/requests/" + first + "/refunds", json("amount", new BigDecimal("3.00"),
                "reason", "one item short")), 201);
        check(admin("POST", "accounts/" + merchant.accountId() + "/deposits", "{\"amount\": 7.00}"), 200);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Reply started = check(admin("POST", "jobs/settlement-report", json("date", today)), 202);
        Reply run = finished(started.string("id"));
        assertEquals("COMPLETED", run.string("status"), run.toString());
        assertTrue(run.string("started_by").contains("ADMIN_TOKEN"), run.toString());

        JsonObject listed = check(admin("GET", "reports?limit=5", null), 200).array().getValuesAs(JsonObject.class).stream()
                .filter(report -> report.getString("day").equals(today)).findFirst().orElseThrow();
        String reportPath = listed.getJsonObject("links").getString("json").substring(Api.BASE.length() + "admin/v1/".length());
        JsonObject report = check(admin("GET", reportPath, null), 200).json();
        assertEquals(started.string("id"), report.getString("job_run"));
        JsonObject line = report.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonNumber("account_id").longValue() == merchant.accountId()).findFirst().orElseThrow();
        assertEquals(0, line.getJsonNumber("opening").bigDecimalValue().signum());
        assertEquals(2, line.getInt("payments_count"));
        assertEquals(new BigDecimal("25.5"), line.getJsonNumber("payments_sum").bigDecimalValue());
        assertEquals(1, line.getInt("refunds_count"));
        assertEquals(new BigDecimal("-3"), line.getJsonNumber("refunds_sum").bigDecimalValue());
        assertEquals(new BigDecimal("7"), line.getJsonNumber("deposits_sum").bigDecimalValue());
        assertEquals(0, line.getJsonNumber("closing").bigDecimalValue().compareTo(balance(merchant.accountId())),
                "the closing balance is the account's balance: " + line);
        String csv = check(admin("GET", reportPath + "?format=csv", null), 200).text();
        assertTrue(csv.startsWith("account_id,party_id,currency,opening,payments_count"), csv);
        assertTrue(csv.contains(merchant.accountId() + "," + merchant.partyId() + ",USD,0,2,25.5,1,-3,7,0,29.5"), csv);
    }

    @Test
    void anOccasionStartsOneRunHoweverManyAskAtOnce() {
        String occasion = "settlement-report:test-" + UUID.randomUUID();
        String body = json("date", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        List<CompletableFuture<Reply>> asks = List.of(
                CompletableFuture.supplyAsync(() -> admin("POST", "jobs/settlement-report?occasion=" + occasion, body)),
                CompletableFuture.supplyAsync(() -> admin("POST", "jobs/settlement-report?occasion=" + occasion, body)),
                CompletableFuture.supplyAsync(() -> admin("POST", "jobs/settlement-report?occasion=" + occasion, body)));
        List<Integer> statuses = asks.stream().map(CompletableFuture::join).map(Reply::status).sorted().toList();
        assertEquals(List.of(202, 409, 409), statuses);
        Reply again = admin("POST", "jobs/settlement-report?occasion=" + occasion, body);
        assertEquals(409, again.status());
        assertEquals("state_conflict", again.errorKey());
    }

    @Test
    void aDayNotBegunFailsSayingSoAndBadRequestsAreRefused() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        Reply run = finished(check(admin("POST", "jobs/settlement-report", json("date", tomorrow)), 202).string("id"));
        assertEquals("FAILED", run.string("status"));
        assertTrue(run.string("outcome").contains("has not begun"), run.toString());
        assertEquals(404, admin("POST", "jobs/no-such-job", json("date", tomorrow)).status());
        Reply badDate = admin("POST", "jobs/settlement-report", json("date", "yesterday"));
        assertEquals(400, badDate.status());
        assertTrue(badDate.errorMessage().startsWith("date:"), badDate.toString());
        assertEquals(404, admin("GET", "jobs/" + UUID.randomUUID(), null).status());
        assertEquals(404, admin("GET", "reports/" + UUID.randomUUID(), null).status());
    }
}
