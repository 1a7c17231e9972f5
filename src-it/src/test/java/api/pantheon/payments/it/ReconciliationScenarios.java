package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.admin;
import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.eventually;
import static api.pantheon.payments.it.Api.get;
import static api.pantheon.payments.it.Api.json;
import static api.pantheon.payments.it.Api.send;
import static api.pantheon.payments.it.MakePaymentScenarios.makePayment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import api.pantheon.payments.it.MakePaymentScenarios.Card;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation job against the sandbox business system's settlement file of today: an unknown
 * payment settled once, and planted differences reported. Nested in {@link PaymentsIT}.
 */
abstract class ReconciliationScenarios {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    private static Reply finished(String runId) {
        return eventually(() -> check(admin("GET", "jobs/" + runId, null), 200),
                reply -> !List.of("STARTING", "STARTED", "STOPPING").contains(reply.string("status")), 60_000);
    }

    /** A request paid by card within the wait: its payment's id, which is the submission id the business system knows. */
    private static String paid(Client merchant, Card holder, String amount) {
        String item = PaymentsIT.request(merchant, holder.person().username(), amount);
        return check(makePayment(holder.person(), item, holder.card(), 5, null, Map.of()), 200).json()
                .getJsonObject("payment").getString("id");
    }

    private static void plant(String submission, String amount) {
        Reply planted = send("PUT", "sandbox/settlements/" + TODAY + "/" + submission, null,
                "{\"amount\": " + amount + ", \"currency\": \"USD\", \"status\": \"APPROVED\"}", Map.of("Content-Type", "application/json"));
        assertEquals(204, planted.status(), planted.toString());
    }

    private static String reconciled() {
        String runId = check(admin("POST", "jobs/reconciliation", json("date", TODAY)), 202).string("id");
        Reply run = finished(runId);
        assertEquals("COMPLETED", run.string("status"), run.toString());
        return runId;
    }

    private static Map<String, CSVRecord> lines(String runId) throws IOException {
        String csv = check(admin("GET", "reconciliations/" + runId + "?format=csv", null), 200).text();
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords()
                .stream().collect(Collectors.toMap(line -> line.get("submission_id"), Function.identity(), (a, b) -> a));
    }

    @Test
    void theirFileSettlesAnUnknownPaymentOnceAndEveryPlantedDifferenceIsReported() throws IOException {
        Client merchant = client("MERCHANT", null, "USD", null);
        Card holder = MakePaymentScenarios.cardHolder();
        // .03: the sandbox decides but never answers the first call, so ours stays unsettled
        String silentItem = PaymentsIT.request(merchant, holder.person().username(), "4.03");
        check(makePayment(holder.person(), silentItem, holder.card(), 0, null, Map.of()), 202);
        String differs = paid(merchant, holder, "6.00");
        String hidden = paid(merchant, holder, "7.00");
        String matched = paid(merchant, holder, "8.00");
        plant(differs, "5.00");
        assertEquals(204, send("DELETE", "sandbox/settlements/" + TODAY + "/" + hidden, null, null, Map.of()).status());
        String stranger = UUID.randomUUID().toString();
        plant(stranger, "1.00");

        String runId = reconciled();
        Reply status = check(get(holder.person().token(), "v1/items/" + silentItem + "/status"), 200);
        assertEquals("COMPLETED", status.json().getJsonObject("payment").getString("status"));
        String silent = status.json().getJsonObject("payment").getString("id");
        Map<String, CSVRecord> lines = lines(runId);
        assertTrue(List.of("settled", "matched").contains(lines.get(silent).get("outcome")), lines.get(silent).toString());
        assertEquals("COMPLETED", lines.get(silent).get("our_status"));
        assertEquals("matched", lines.get(matched).get("outcome"));
        assertEquals("amount_mismatch", lines.get(differs).get("outcome"));
        assertEquals("6", lines.get(differs).get("our_amount"));
        assertEquals("5", lines.get(differs).get("their_amount"));
        assertEquals("missing_theirs", lines.get(hidden).get("outcome"));
        assertEquals("0", lines.get(hidden).get("line"));
        assertEquals("missing_ours", lines.get(stranger).get("outcome"));

        JsonObject report = check(admin("GET", "reconciliations/" + runId, null), 200).json();
        assertEquals(TODAY, report.getString("day"));
        List<String> named = report.getJsonArray("mismatches").getValuesAs(JsonObject.class).stream()
                .map(line -> line.getString("submission_id")).toList();
        assertTrue(named.containsAll(List.of(differs, hidden, stranger)), named.toString());
        assertTrue(!named.contains(matched) && !named.contains(silent), named.toString());
        assertTrue(report.getJsonObject("counts").getInt("amount_mismatch") >= 1, report.toString());

        // Settled once: a second run and the sweep's next rounds find it settled and move nothing.
        assertEquals("matched", lines(reconciled()).get(silent).get("outcome"));
        MakePaymentScenarios.awaitReconciliationRounds(1);
        assertEquals(0, new BigDecimal("25.03").compareTo(Api.balance(merchant.accountId())),
                "each approved payment credited once: " + Api.balance(merchant.accountId()));
        PaymentsIT.assertBooksBalance();
    }

    @Test
    void aRunWithoutItsDayIsRefusedAndOneWithADayThatIsNoneFailsSayingWhy() {
        Reply refused = admin("POST", "jobs/reconciliation", "{}");
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.errorMessage().startsWith("date:"), refused.toString());
        Reply run = finished(check(admin("POST", "jobs/reconciliation", json("date", "2026-13-40")), 202).string("id"));
        assertEquals("FAILED", run.string("status"), run.toString());
        assertTrue(run.string("outcome").startsWith("date:"), run.toString());
    }
}
