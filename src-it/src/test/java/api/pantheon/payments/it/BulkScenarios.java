package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.bearer;
import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.eventually;
import static api.pantheon.payments.it.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Bulk payment requests from a CSV file (seed 001's rules for every row). Nested in {@link PaymentsIT}. */
abstract class BulkScenarios {

    private static final Map<String, String> CSV = Map.of("Content-Type", "text/csv; charset=utf-8");

    private static Reply upload(Client merchant, String file) {
        return Api.send("POST", "v1/bulk-requests", bearer(merchant.token()), file, CSV);
    }

    private static Reply finished(Client merchant, String id) {
        return eventually(() -> check(get(merchant.token(), "v1/bulk-requests/" + id), 200),
                reply -> !List.of("starting", "started").contains(reply.string("status")), 30_000);
    }

    private static List<CSVRecord> results(Client merchant, String id) {
        Reply reply = check(get(merchant.token(), "v1/bulk-requests/" + id + "/results"), 200);
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(reply.text())).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFileMakesEachGoodRowOnceSaysWhyEachBadRowFailedAndAgainMakesNothingNew() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client anna = client("PERSON", null, "USD", null);
        Client ben = client("PERSON", null, "USD", null);
        String file = "recipient,amount,currency,description,order,expires_in,notify_url,external_id\n"
                + anna.username() + ",10.00,USD,Club fee,o-1,3600,,fee-1\n"
                + ben.username() + ",12.50,USD,\"Fees, 2026 \"\"club\"\"\",o-2,,,fee-2\n"
                + "nobody-here,5.00,USD,,,,,fee-3\n"
                + anna.username() + ",abc,USD,,,,,fee-4\n"
                + anna.username() + ",5.00,EUR,,,,,fee-5\n"
                + anna.username() + ",5.00,USD,,,5,,fee-6\n"
                + ",5.00,USD,,,,,fee-7\n"
                + anna.username() + ",10.00,USD,Club fee,o-1,3600,,fee-1\n";
        Reply accepted = check(upload(merchant, file), 202);
        String id = accepted.string("id");
        assertTrue(accepted.json().getJsonObject("links").getString("results").endsWith(id + "/results"));
        Reply done = finished(merchant, id);
        assertEquals("completed", done.string("status"), done.toString());
        assertEquals(8, done.number("rows_total"));
        assertEquals(3, done.number("rows_done"));
        assertEquals(5, done.number("rows_failed"));
        assertEquals(100, done.number("percent"));

        List<CSVRecord> rows = results(merchant, id);
        assertEquals(8, rows.size(), rows.toString());
        String first = rows.get(0).get("request_id");
        assertTrue(first.length() == 36, rows.get(0).toString());
        assertEquals(first, rows.get(7).get("request_id"), "the same external_id makes one request");
        assertEquals("200", rows.get(2).get("error_code"));
        assertTrue(rows.get(3).get("error_message").startsWith("amount:"), rows.get(3).toString());
        assertTrue(rows.get(4).get("error_message").startsWith("currency:"), rows.get(4).toString());
        assertTrue(rows.get(5).get("error_message").startsWith("expires_in:"), rows.get(5).toString());
        assertTrue(rows.get(6).get("error_message").startsWith("recipient:"), rows.get(6).toString());
        assertEquals("fee-4", rows.get(3).get("external_id"));
        Reply quoted = check(get(merchant.token(), "v1/requests/" + rows.get(1).get("request_id")), 200);
        assertEquals("Fees, 2026 \"club\"", quoted.string("description"));

        String again = check(upload(merchant, file), 202).string("id");
        assertEquals("completed", finished(merchant, again).string("status"));
        List<CSVRecord> second = results(merchant, again);
        assertEquals(first, second.get(0).get("request_id"), "a file imported again makes no duplicate");
        assertEquals(rows.get(1).get("request_id"), second.get(1).get("request_id"));

        Client stranger = client("MERCHANT", null, "USD", null);
        assertEquals(404, get(stranger.token(), "v1/bulk-requests/" + id).status());
        assertEquals(404, get(stranger.token(), "v1/bulk-requests/" + id + "/results").status());
    }

    @Test
    void aRunStoppedMidFileAndRestartedGoesOnFromItsCheckpointWithNoDuplicateAndNoGap() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client anna = client("PERSON", null, "USD", null);
        int rows = 3_000;
        StringBuilder file = new StringBuilder("recipient,amount,currency,description,order,expires_in,notify_url,external_id\n");
        for (int row = 1; row <= rows; row++) {
            file.append(anna.username()).append(",1.00,USD,Fee ").append(row).append(",,,,stop-").append(row).append('\n');
        }
        String id = check(upload(merchant, file.toString()), 202).string("id");
        Reply stopping = Api.admin("POST", "jobs/" + id + "/stop", null);
        assertEquals(200, stopping.status(), stopping.toString());
        Reply stopped = eventually(() -> check(Api.admin("GET", "jobs/" + id, null), 200),
                reply -> reply.string("status").equals("STOPPED"), 30_000);
        assertEquals("STOPPED", stopped.string("status"), stopped.toString());
        long doneWhenStopped = stopped.number("rows_done");
        assertTrue(doneWhenStopped < rows, "stopped before the end: " + stopped);

        check(Api.admin("POST", "jobs/" + id + "/restart", null), 202);
        Reply done = finished(merchant, id);
        assertEquals("completed", done.string("status"), done.toString());
        List<CSVRecord> outcomes = results(merchant, id);
        assertEquals(rows, outcomes.size());
        for (int row = 1; row <= rows; row++) {
            CSVRecord outcome = outcomes.get(row - 1);
            assertEquals(String.valueOf(row), outcome.get("row"), "no gap");
            assertEquals("stop-" + row, outcome.get("external_id"));
            assertEquals(36, outcome.get("request_id").length(), outcome.toString());
        }
        assertEquals(rows, outcomes.stream().map(outcome -> outcome.get("request_id")).distinct().count(), "no duplicate");
        assertEquals(rows, done.number("rows_done"), "progress counted once per row: " + done);
    }

    @Test
    void anOperatorUploadsOnAMerchantsBehalfAndTheMerchantFollowsItsOwnImport() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client anna = client("PERSON", null, "USD", null);
        String file = "recipient,amount,currency,description,order,expires_in,notify_url,external_id\n"
                + anna.username() + ",3.00,USD,Yearly fee,,,,behalf-1\n";
        Map<String, String> headers = new java.util.HashMap<>(CSV);
        headers.putAll(Api.STAFF_REASON);
        Reply accepted = check(Api.send("POST", "admin/v1/parties/" + merchant.partyId() + "/bulk-requests",
                bearer(Api.ADMIN_TOKEN), file, headers), 202);
        String id = accepted.string("id");
        assertTrue(accepted.json().getJsonObject("links").getString("self").endsWith("/admin/v1/parties/" + merchant.partyId()
                + "/bulk-requests/" + id), accepted.toString());
        assertEquals("completed", finished(merchant, id).string("status"), "the merchant follows it as its own");
        String made = results(merchant, id).get(0).get("request_id");
        assertEquals(200, get(merchant.token(), "v1/requests/" + made).status(), "made as the merchant, who reads it");
        assertEquals(200, Api.admin("GET", "parties/" + merchant.partyId() + "/bulk-requests/" + id + "/results", null).status());
        List<JsonObject> trail = check(Api.admin("GET", "audit?target=" + id + "&action=job.start", null), 200).json()
                .getJsonArray("entries").getValuesAs(JsonObject.class);
        assertEquals(1, trail.size(), trail.toString());
        assertEquals("ADMIN_TOKEN", trail.get(0).getString("actor_kind"), trail.toString());
        assertTrue(trail.get(0).getString("reason").startsWith("integration test"), "who and why: " + trail);

        Client stranger = client("MERCHANT", null, "USD", null);
        assertEquals(404, Api.admin("GET", "parties/" + stranger.partyId() + "/bulk-requests/" + id, null).status(),
                "an import is found under its own merchant only");
        assertEquals(404, Api.send("POST", "admin/v1/parties/no-such-party/bulk-requests", bearer(Api.ADMIN_TOKEN), file,
                headers).status());
    }

    @Test
    void anEmptyOrUnreadableUploadIsRefused() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Reply empty = upload(merchant, "");
        assertEquals(400, empty.status(), empty.toString());
        Reply json = Api.send("POST", "v1/bulk-requests", bearer(merchant.token()), "{}", Map.of("Content-Type", "application/json"));
        assertEquals(415, json.status(), json.toString());
    }
}
