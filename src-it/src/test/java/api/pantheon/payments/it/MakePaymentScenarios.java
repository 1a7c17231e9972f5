package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.admin;
import static api.pantheon.payments.it.Api.bearer;
import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.get;
import static api.pantheon.payments.it.Api.json;
import static api.pantheon.payments.it.Api.post;
import static api.pantheon.payments.it.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import api.pantheon.payments.it.CallbackReceiver.Received;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's make payment (and seed 000's startAvailablePayment) against the built-in sandbox
 * business system, whose answers follow the amount's cents. Nested in {@link PaymentsIT}.
 */
abstract class MakePaymentScenarios extends WithCallbackReceiver {

    record Card(Client person, long card) {
    }

    static Card cardHolder() {
        Client person = client("PERSON", null, "USD", null);
        long card = check(admin("POST", "parties/" + person.partyId() + "/accounts", "{\"currency\":\"USD\",\"type\":\"CARD\"}"), 201)
                .number("id");
        return new Card(person, card);
    }

    private static String item(Client merchant, Client person, String amount) {
        return PaymentsIT.request(merchant, person.username(), amount);
    }

    static Reply makePayment(Client payer, String item, long account, int wait, String callback, Map<String, String> headers) {
        String body = "{\"account_id\": \"" + account + "\", \"device_id\": \"358277090995038\", \"ip_address\": \"49.192.154.141\","
                + " \"wait\": " + wait + (callback == null ? "" : ", \"callback\": \"" + URLEncoder.encode(callback, StandardCharsets.UTF_8) + "\"")
                + "}";
        return send("PATCH", "v1/items/" + item + "/make_payment", bearer(payer.token()), body, headers);
    }

    @Test
    void anApprovalWithinWaitAnswers200AndMovesTheMoneyFromClearing() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Card holder = cardHolder();
        String item = item(merchant, holder.person(), "12.00");
        Reply paid = check(makePayment(holder.person(), item, holder.card(), 5, null, Map.of()), 200);
        assertEquals("PAID", paid.string("status"));
        assertEquals("COMPLETED", paid.json().getJsonObject("payment").getString("status"));
        assertEquals(1, paid.number("submission_count"));
        assertEquals(new BigDecimal("12.00"), Api.balance(merchant.accountId()));
        assertEquals(0, Api.balance(holder.card()).signum(), "a card holds nothing here");
        PaymentsIT.assertBooksBalance();
    }

    /**
     * Approvals that arrive together are stored in one transaction (one batch per clearing lock); each
     * must still move its own money. Twenty slow approvals answered within milliseconds of each other.
     */
    @Test
    void approvalsStoredTogetherEachMoveTheirMoney() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Card holder = cardHolder();
        int payments = 20;
        List<String> items = IntStream.range(0, payments).mapToObj(i -> item(merchant, holder.person(), "1.02")).toList();
        // one thread per call: all twenty must be waiting on the sandbox at once
        ExecutorService callers = Executors.newFixedThreadPool(payments);
        List<Reply> answers;
        try {
            answers = items.stream()
                    .map(item -> CompletableFuture.supplyAsync(() -> makePayment(holder.person(), item, holder.card(), 20, null,
                            Map.of()), callers))
                    .toList().stream().map(CompletableFuture::join).toList();
        } finally {
            callers.shutdown();
        }
        answers.forEach(answer -> assertEquals("PAID", check(answer, 200).string("status"), answer.text()));
        assertEquals(new BigDecimal("1.02").multiply(BigDecimal.valueOf(payments)), Api.balance(merchant.accountId()));
        PaymentsIT.assertBooksBalance();
    }

    @Test
    void aSlowApprovalAnswers202ThenTheStatusLinkAndTheSignedCallback() throws InterruptedException {
        Client merchant = client("MERCHANT", null, "USD", null);
        Card holder = cardHolder();
        String item = item(merchant, holder.person(), "7.02");
        Reply waiting = check(makePayment(holder.person(), item, holder.card(), 1,
                receiver.url("/assembly/{item}/{account}/{uuid}"), Map.of()), 202);
        assertEquals("request awaiting response", waiting.string("message"));
        assertEquals(1, waiting.number("submission_count"));
        assertTrue(waiting.string("last_updated").endsWith("Z"));
        String status = waiting.json().getJsonObject("links").getString("status");
        assertTrue(status.endsWith("/v1/items/" + item + "/status"), status);
        String path = status.substring(status.indexOf("/payments/") + "/payments/".length());
        assertEquals(202, get(holder.person().token(), path).status());

        List<Received> callbacks = receiver.await("/assembly/" + item + "/" + holder.card() + "/"
                + callbackUuid(item, holder), 1, 15_000);
        assertEquals(1, callbacks.size(), receiver.all().toString());
        Received callback = callbacks.get(0);
        assertEquals("PAID", callback.body().getString("status"));
        String[] signature = callback.webhooksSignatureHeader().split(",");
        String t = signature[0].substring(2);
        assertEquals(base64Hmac(holder.person().signingSecret(), t + "." + callback.rawBody()), signature[1].substring(2));
        assertEquals(200, get(holder.person().token(), path).status());
    }

    /** The submission's id ({uuid} in the callback template), once the item's status shows it answered. */
    private static String callbackUuid(String item, Card holder) {
        Reply answered = check(Api.eventually(() -> get(holder.person().token(), "v1/items/" + item + "/status"),
                r -> r.status() == 200, 10_000), 200);
        return answered.json().getJsonObject("payment").getString("id");
    }

    private static String base64Hmac(String secret, String text) {
        byte[] raw = HexFormat.of().parseHex(CallbackReceiver.hmacHex(secret, text));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Test
    void aDeclineLeavesTheItemPayableAgain() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Card holder = cardHolder();
        String item = item(merchant, holder.person(), "3.01");
        Reply declined = check(makePayment(holder.person(), item, holder.card(), 5, null, Map.of()), 200);
        assertEquals("FAILED", declined.json().getJsonObject("payment").getString("status"));
        assertEquals("PENDING", declined.string("status"));
        assertEquals(0, Api.balance(merchant.accountId()).signum());
        long wallet = Api.openAccount(holder.person().partyId(), "USD");
        check(admin("POST", "accounts/" + wallet + "/deposits", "{\"amount\": 10}"), 200);
        Reply paid = check(makePayment(holder.person(), item, wallet, 0, null, Map.of()), 200);
        assertEquals("PAID", paid.string("status"));
        assertEquals(2, paid.number("submission_count"));
        assertEquals(new BigDecimal("3.01"), Api.balance(merchant.accountId()));
    }

    @Test
    void aSilentBusinessSystemLeavesThePaymentUnknownUntilReconciliationSettlesItOnce() throws InterruptedException {
        Client merchant = client("MERCHANT", null, "USD", null);
        Card holder = cardHolder();
        String item = item(merchant, holder.person(), "4.03");
        Reply waiting = check(makePayment(holder.person(), item, holder.card(), 12, null, Map.of()), 202);
        assertEquals(1, waiting.number("submission_count"));
        Reply status = Api.eventually(() -> get(holder.person().token(), "v1/items/" + item + "/status"),
                r -> r.status() != 202, 40_000);
        assertEquals(200, status.status(), status.toString());
        assertEquals("COMPLETED", status.json().getJsonObject("payment").getString("status"));
        awaitReconciliationRounds(2); // later rounds must not pay again
        assertEquals(new BigDecimal("4.03"), Api.balance(merchant.accountId()));
        PaymentsIT.assertBooksBalance();
    }

    /** Waits until reconciliation has completed {@code more} rounds after the one it is in now. */
    static void awaitReconciliationRounds(int more) {
        int from = reconciliationRounds();
        Api.eventually(MakePaymentScenarios::reconciliationRounds, rounds -> rounds >= from + more + 1, 30_000);
        assertTrue(reconciliationRounds() >= from + more + 1, "reconciliation kept running");
    }

    private static int reconciliationRounds() {
        return Api.health("live").json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("payment-reconciliation"))
                // Payara writes health data as text, whatever its type
                .mapToInt(check -> Integer.parseInt(check.getJsonObject("data").get("rounds").toString().replace("\"", "")))
                .findFirst().orElse(0);
    }

    @Test
    void refusesDuplicatesButReplaysARetryWithTheSameKey() throws Exception {
        Client merchant = client("MERCHANT", null, "USD", null);
        Card holder = cardHolder();
        String item = item(merchant, holder.person(), "2.02");
        Map<String, String> key = Map.of("Idempotency-Key", "pay-" + item);
        List<Reply> replies = PaymentsIT.concurrently(2, () -> makePayment(holder.person(), item, holder.card(), 0, null, Map.of()));
        assertEquals(1, replies.stream().filter(r -> r.status() == 202).count(), replies.toString());
        assertEquals(1, replies.stream().filter(r -> r.status() == 409).count(), replies.toString());

        String paidItem = item(merchant, holder.person(), "1.00");
        Reply first = check(makePayment(holder.person(), paidItem, holder.card(), 5, null, key), 200);
        Reply retry = check(makePayment(holder.person(), paidItem, holder.card(), 5, null, key), 200);
        assertEquals(first.text(), retry.text());
        assertEquals(409, makePayment(holder.person(), paidItem, holder.card(), 5, null, Map.of()).status(), "already paid");
    }

    @Test
    void refusesInvalidItemsAccountsAndCardsWithoutDevice() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Card holder = cardHolder();
        Client stranger = client("PERSON", null, "USD", "5");
        String item = item(merchant, holder.person(), "1.00");
        assertEquals(400, makePayment(holder.person(), "no-such-item", holder.card(), 0, null, Map.of()).status());
        assertEquals(400, makePayment(holder.person(), item, stranger.accountId(), 0, null, Map.of()).status());
        Reply noDevice = send("PATCH", "v1/items/" + item + "/make_payment", bearer(holder.person().token()),
                "{\"account_id\": " + holder.card() + "}", Map.of());
        assertEquals(400, noDevice.status());
        assertTrue(noDevice.errorMessage().startsWith("device_id:"), noDevice.toString());
        assertEquals(400, send("PATCH", "v1/items/" + item + "/make_payment", bearer(holder.person().token()),
                "{\"account_id\": " + holder.card() + ", \"device_id\":\"d\", \"ip_address\":\"i\", \"wait\": 31}", Map.of()).status());
        assertEquals(401, send("PATCH", "v1/items/" + item + "/make_payment", bearer("wrong"), "{}", Map.of()).status());
    }

    @Test
    void aDrainedOrStoppingServerAnswers503WithRetryAfter() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, "USD", "5");
        String item = item(merchant, person, "1.00");
        check(admin("POST", "drain", null), 200);
        try {
            Reply refused = makePayment(person, item, person.accountId(), 0, null, Map.of());
            assertEquals(503, refused.status());
            assertEquals("service_unavailable", refused.errorKey());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertEquals("pending", check(get(person.token(), "v1/requests/" + item + "/status"), 200).string("status"));
        } finally {
            check(admin("POST", "undrain", null), 200);
        }
        check(makePayment(person, item, person.accountId(), 0, null, Map.of()), 200);
    }

    @Test
    void startAvailablePaymentPaysTheOldestPendingRequest() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, "USD", "20");
        assertEquals(404, send("PUT", "startAvailablePayment", bearer(person.token()),
                "{\"account_id\": " + person.accountId() + "}", Map.of()).status());
        String older = item(merchant, person, "1.00");
        String newer = item(merchant, person, "2.00");
        Reply paid = check(send("PUT", "startAvailablePayment", bearer(person.token()),
                "{\"account_id\": " + person.accountId() + ", \"wait\": 5}", Map.of()), 200);
        assertEquals(older, paid.string("id"));
        assertEquals("pending", check(get(person.token(), "v1/requests/" + newer + "/status"), 200).string("status"));
        Reply chosen = check(send("PUT", "startAvailablePayment", bearer(person.token()),
                "{\"request_id\": \"" + newer + "\", \"account_id\": " + person.accountId() + "}", Map.of()), 200);
        assertEquals(newer, chosen.string("id"));
        assertEquals(new BigDecimal("17.00"), Api.balance(person.accountId()));
    }
}
