package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.admin;
import static api.pantheon.payments.it.Api.balance;
import static api.pantheon.payments.it.Api.bearer;
import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.get;
import static api.pantheon.payments.it.Api.json;
import static api.pantheon.payments.it.Api.post;
import static api.pantheon.payments.it.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Refunds through the merchant's API (seed 001's words: the request stays paid and shows
 * {@code refunded_amount}), and the audit trail that every write leaves. Nested in {@link PaymentsIT}.
 */
abstract class RefundAndAuditScenarios extends WithCallbackReceiver {

    private record Paid(Client merchant, Client payer, String requestId) {
    }

    private Paid paid(String amount, String callbackPath) {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "50");
        Reply created = check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal(amount), "currency", "USD",
                "recipient", payer.username(), "notify_url", callbackPath == null ? null : receiver.url(callbackPath))), 200);
        String id = created.string("id");
        check(post(payer.token(), "v1/requests/" + id + "/pay", json("account_id", payer.accountId())), 200);
        return new Paid(merchant, payer, id);
    }

    private static Reply refund(Client merchant, String requestId, String amount, Map<String, String> headers) {
        return send("POST", "v1/requests/" + requestId + "/refunds", bearer(merchant.token()),
                json("amount", new BigDecimal(amount), "reason", "one item out of stock"), headers);
    }

    @Test
    void aPartialThenTheRestAreRefundedAndNeverMoreThanWasPaid() throws InterruptedException {
        Paid paid = paid("20.00", "/refunded");
        Reply first = check(refund(paid.merchant(), paid.requestId(), "5.00", Map.of()), 201);
        assertEquals(paid.requestId(), first.string("request_id"));
        assertEquals("one item out of stock", first.string("reason"));
        assertEquals(new BigDecimal("15.00"), balance(paid.merchant().accountId()));
        assertEquals(new BigDecimal("35.00"), balance(paid.payer().accountId()));
        Reply read = check(get(paid.merchant().token(), "v1/requests/" + paid.requestId()), 200);
        assertEquals("paid", read.string("status"));
        assertEquals(new BigDecimal("5.00"), read.decimal("refunded_amount"));

        Reply tooMuch = refund(paid.merchant(), paid.requestId(), "15.01", Map.of());
        assertEquals(422, tooMuch.status(), tooMuch.toString());
        assertEquals("refund_exceeds_payment", tooMuch.errorKey());
        assertEquals(new BigDecimal("15.00"), balance(paid.merchant().accountId()), "a refused refund moves nothing");

        check(refund(paid.merchant(), paid.requestId(), "15.00", Map.of()), 201);
        assertEquals(0, balance(paid.merchant().accountId()).signum());
        assertEquals(new BigDecimal("50.00"), balance(paid.payer().accountId()));
        assertEquals(2, check(get(paid.payer().token(), "v1/requests/" + paid.requestId() + "/refunds"), 200).array().size());
        Reply nothingLeft = refund(paid.merchant(), paid.requestId(), "0.01", Map.of());
        assertEquals("refund_exceeds_payment", nothingLeft.errorKey());

        List<CallbackReceiver.Received> callbacks = receiver.await("/refunded", 3, 15_000);
        List<JsonObject> refunds = callbacks.stream().map(CallbackReceiver.Received::body)
                .filter(body -> "refunded".equals(body.getString("status"))).toList();
        assertEquals(2, refunds.size(), callbacks.toString());
        JsonObject last = refunds.stream().filter(body -> body.getJsonNumber("refunded_amount").bigDecimalValue()
                .compareTo(new BigDecimal("20.00")) == 0).findFirst().orElseThrow(() -> new AssertionError(refunds));
        assertEquals(new BigDecimal("15.00"), last.getJsonNumber("refund_amount").bigDecimalValue());
        assertTrue(CallbackReceiver.signedWith(paid.merchant().signingSecret(), last), last.toString());
        Api.LOCAL.assertBooksBalance();
    }

    @Test
    void aRefundTheMerchantCannotFundMovesNothing() {
        Paid paid = paid("20.00", null);
        Client elsewhere = client("PERSON", null, "USD", null);
        check(post(paid.merchant().token(), "v1/payments", "{\"from\": [{\"amount\": 15.00,\"currency\": \"USD\","
                + "\"account\": {\"id\": " + paid.merchant().accountId() + "}}],\"to\": [{\"currency\": \"USD\","
                + "\"account\": {\"id\": " + elsewhere.accountId() + "}}]}"), 201);
        Reply refused = refund(paid.merchant(), paid.requestId(), "20.00", Map.of());
        assertEquals(422, refused.status(), refused.toString());
        assertEquals("insufficient_funds", refused.errorKey());
        assertEquals(new BigDecimal("5.00"), balance(paid.merchant().accountId()));
        assertEquals(new BigDecimal("30.00"), balance(paid.payer().accountId()));
        Reply read = check(get(paid.merchant().token(), "v1/requests/" + paid.requestId()), 200);
        assertFalse(read.json().containsKey("refunded_amount") && !read.json().isNull("refunded_amount"), read.toString());
    }

    @Test
    void aRetriedRefundRefundsOnce() {
        Paid paid = paid("20.00", null);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Reply first = check(refund(paid.merchant(), paid.requestId(), "8.00", key), 201);
        Reply again = check(refund(paid.merchant(), paid.requestId(), "8.00", key), 201);
        assertEquals(first.string("id"), again.string("id"));
        assertEquals(new BigDecimal("12.00"), balance(paid.merchant().accountId()));
    }

    @Test
    void onlyTheRequesterRefundsAPaidRequestAndOthersSeeNone() {
        Paid paid = paid("20.00", null);
        Client stranger = client("MERCHANT", null, "USD", "100");
        Reply hidden = refund(stranger, paid.requestId(), "1.00", Map.of());
        assertEquals(404, hidden.status(), hidden.toString());
        assertEquals("payment_not_found", hidden.errorKey());
        assertEquals(404, get(stranger.token(), "v1/requests/" + paid.requestId() + "/refunds").status());
        Reply payer = refund(paid.payer(), paid.requestId(), "1.00", Map.of());
        assertEquals(403, payer.status(), payer.toString());

        Client merchant = paid.merchant();
        String pending = check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("3.00"), "currency", "USD",
                "recipient", paid.payer().username())), 200).string("id");
        Reply notPaid = refund(merchant, pending, "1.00", Map.of());
        assertEquals(409, notPaid.status(), notPaid.toString());
        assertEquals("request_not_paid", notPaid.errorKey());
        Reply noReason = send("POST", "v1/requests/" + paid.requestId() + "/refunds", bearer(merchant.token()),
                json("amount", new BigDecimal("1.00")), Map.of());
        assertEquals(400, noReason.status());
        assertTrue(noReason.errorMessage().startsWith("reason:"), noReason.toString());
        assertEquals(new BigDecimal("20.00"), balance(merchant.accountId()));
    }

    @Test
    void everyWriteIsInTheTrailWithWhoAndWhyAndAStaffWriteWithoutReasonIsRefused() {
        Paid paid = paid("20.00", null);
        check(refund(paid.merchant(), paid.requestId(), "2.00", Map.of()), 201);
        JsonObject refundLine = lines("target=" + paid.requestId() + "&action=request.refund").get(0);
        assertEquals("CLIENT", refundLine.getString("actor_kind"));
        assertTrue(refundLine.getString("actor").startsWith("k"), "a key id, never a token: " + refundLine);
        assertEquals("one item out of stock", refundLine.getString("reason"));
        assertEquals("127.0.0.1", refundLine.getString("address"));
        assertEquals(1, lines("target=" + paid.requestId() + "&action=request.pay").size());
        assertEquals(1, lines("target=" + paid.requestId() + "&action=request.create").size());

        Reply unexplained = send("POST", "admin/v1/accounts/" + paid.payer().accountId() + "/deposits",
                bearer(Api.ADMIN_TOKEN), "{\"amount\": 1.00}", Map.of());
        assertEquals(400, unexplained.status(), unexplained.toString());
        assertEquals("reason_required", unexplained.errorKey());
        assertEquals(new BigDecimal("32.00"), balance(paid.payer().accountId()));
        JsonObject refused = lines("target=" + paid.payer().accountId() + "&action=account.deposit").get(0);
        assertEquals("REFUSED", refused.getString("outcome"));
        assertEquals("ADMIN_TOKEN", refused.getString("actor_kind"));

        check(admin("POST", "accounts/" + paid.payer().accountId() + "/deposits", "{\"amount\": 1.00}"), 200);
        JsonObject done = lines("target=" + paid.payer().accountId() + "&action=account.deposit").get(0);
        assertEquals("DONE", done.getString("outcome"));
        assertEquals("integration test", done.getString("reason"));
        assertTrue(done.getJsonNumber("id").longValue() > refused.getJsonNumber("id").longValue(), "newest first");

        Reply page = check(admin("GET", "audit?limit=2", null), 200);
        assertEquals(2, page.json().getJsonArray("entries").size());
        Reply next = check(Api.send("GET", page.string("next").substring(Api.BASE.length()), bearer(Api.ADMIN_TOKEN), null,
                Map.of()), 200);
        assertTrue(next.json().getJsonArray("entries").getJsonObject(0).getJsonNumber("id").longValue()
                < page.json().getJsonArray("entries").getJsonObject(1).getJsonNumber("id").longValue());
        assertEquals(400, admin("GET", "audit?from=yesterday", null).status());
    }

    @Test
    void operatorsAreManagedThroughTheAdminApiWithAReasonAndNeverShowAPassword() {
        String username = Api.unique("op").toLowerCase();
        Reply created = check(admin("POST", "operators", json("username", username, "password", "correct horse battery",
                "role", "VIEWER")), 201);
        assertEquals("VIEWER", created.string("role"));
        assertFalse(created.text().contains("correct horse"), created.text());
        assertEquals(409, admin("POST", "operators", json("username", username, "password", "another long one",
                "role", "ADMIN")).status());
        Reply shortPassword = admin("POST", "operators", json("username", username + "x", "password", "short", "role", "VIEWER"));
        assertTrue(shortPassword.errorMessage().startsWith("password:"), shortPassword.toString());
        Reply listed = check(admin("GET", "operators", null), 200);
        assertTrue(listed.text().contains("\"" + username + "\""), listed.text());
        assertTrue(listed.text().contains("\"admin\""), "the first ADMIN exists: " + listed.text());
        assertFalse(listed.text().contains("PBKDF2"), listed.text());

        Reply unexplained = send("DELETE", "admin/v1/operators/" + username, bearer(Api.ADMIN_TOKEN), null, Map.of());
        assertEquals("reason_required", unexplained.errorKey());
        check(admin("DELETE", "operators/" + username, null), 200);
        assertFalse(check(admin("GET", "operators", null), 200).text().contains("\"" + username + "\""));
        List<String> actions = lines("target=" + username).stream().map(line -> line.getString("action")
                + "/" + line.getString("outcome")).toList();
        assertEquals(List.of("operator.remove/DONE", "operator.remove/REFUSED", "operator.create/DONE"), actions);
        String trail = check(admin("GET", "audit?target=" + username, null), 200).text();
        assertFalse(trail.contains("correct horse"), "no password in the trail: " + trail);
    }

    private static List<JsonObject> lines(String query) {
        return check(admin("GET", "audit?" + query, null), 200).json().getJsonArray("entries").getValuesAs(JsonObject.class);
    }
}
