package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.admin;
import static api.pantheon.payments.it.Api.basic;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Secrets stay secret and each party sees only its own side: keys are shown once and never replayed,
 * revoked keys stop working within a second, a payer never reads the merchant's callback URL (nor the
 * merchant the payer's), and someone else's account reads like no account at all. Nested in
 * {@link PaymentsIT}.
 */
abstract class KeysAndSidesScenarios extends WithCallbackReceiver {

    @Test
    void aKeyIssuedWithAnIdempotencyKeyIsShownOnceAndItsRetryRefused() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString(), "Audit-Reason", "integration test");
        Reply issued = check(send("POST", "admin/v1/parties/" + merchant.partyId() + "/keys", bearer(Api.ADMIN_TOKEN), null, key), 201);
        assertTrue(issued.string("token").startsWith("pt_"));
        Reply retry = send("POST", "admin/v1/parties/" + merchant.partyId() + "/keys", bearer(Api.ADMIN_TOKEN), null, key);
        assertEquals(409, retry.status());
        assertEquals("answer_not_replayable", retry.errorKey());
        assertFalse(retry.text().contains(issued.string("token")), retry.text());
        assertFalse(retry.text().contains(issued.string("signing_secret")), retry.text());
        List<JsonObject> keys = check(admin("GET", "parties/" + merchant.partyId() + "/keys", null), 200).array()
                .getValuesAs(JsonObject.class);
        assertEquals(2, keys.size(), "the retry issued no second key: " + keys);
        assertTrue(keys.stream().noneMatch(k -> k.containsKey("token") || k.containsKey("signing_secret")), keys.toString());
    }

    @Test
    void aRevokedKeyStopsWorkingWithinASecond() throws InterruptedException {
        Client merchant = client("MERCHANT", null, "USD", null);
        check(get(merchant.token(), "v1/events"), 200);
        String keyId = check(admin("GET", "parties/" + merchant.partyId() + "/keys", null), 200).array()
                .getJsonObject(0).getString("key_id");
        Reply revoked = check(admin("DELETE", "parties/" + merchant.partyId() + "/keys/" + keyId, null), 200);
        assertTrue(revoked.json().containsKey("revoked"), revoked.toString());
        Thread.sleep(1_000);
        Reply refused = get(merchant.token(), "v1/events");
        assertEquals(401, refused.status(), refused.toString());
        assertEquals(404, admin("DELETE", "parties/" + merchant.partyId() + "/keys/key_unknown", null).status());
        Client other = client("MERCHANT", null, null, null);
        assertEquals(404, admin("DELETE", "parties/" + other.partyId() + "/keys/" + keyId, null).status(),
                "a key is revoked only through its own party");
    }

    @Test
    void basicAuthenticationWithAPasswordIsRefused() {
        Client merchant = client("MERCHANT", null, "USD", null);
        check(send("GET", "v1/events", basic(merchant.token()), null, Map.of()), 200);
        String withPassword = "Basic " + Base64.getEncoder().encodeToString((merchant.token() + ":secret")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(401, send("GET", "v1/events", withPassword, null, Map.of()).status());
    }

    @Test
    void eachPartySeesOnlyItsOwnCallbacks() throws InterruptedException {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, "USD", null);
        long card = check(admin("POST", "parties/" + person.partyId() + "/accounts", "{\"currency\":\"USD\",\"type\":\"CARD\"}"), 201)
                .number("id");
        String merchantsUrl = receiver.url("/merchant-secret?token=abc");
        String id = check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("5.00"), "currency", "USD",
                "recipient", person.username(), "notify_url", merchantsUrl)), 200).string("id");
        String payersUrl = receiver.url("/payer-secret/{uuid}");
        check(MakePaymentScenarios.makePayment(person, id, card, 5, payersUrl, Map.of()), 200);
        receiver.await("/merchant-secret", 1, 10_000);
        Api.eventually(() -> receiver.all().stream().filter(r -> r.path().startsWith("/payer-secret/")).count(),
                count -> count >= 1, 10_000);

        String merchantView = check(get(merchant.token(), "v1/requests/" + id + "/callbacks"), 200).text()
                + check(get(merchant.token(), "v1/requests/" + id + "/deliveries"), 200).text();
        String payerView = Api.eventually(() -> check(get(person.token(), "v1/requests/" + id + "/callbacks"), 200).text(),
                text -> text.contains("payer-secret"), 10_000)
                + check(get(person.token(), "v1/requests/" + id + "/deliveries"), 200).text();
        assertTrue(merchantView.contains("merchant-secret"), merchantView);
        assertFalse(merchantView.contains("payer-secret"), "the merchant never reads the payer's callback URL: " + merchantView);
        assertTrue(payerView.contains("payer-secret"), payerView);
        assertFalse(payerView.contains("merchant-secret"), "the payer never reads the merchant's notify_url: " + payerView);
    }

    @Test
    void someoneElsesAccountReadsLikeNoAccount() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client euros = client("PERSON", null, "EUR", null);
        long nowhere = 999_999_999L;
        String other = "{\"amount\": 5.00,\"from\":{\"currency\":\"USD\",\"account\":{\"id\": %d}},"
                + "\"to\":{\"currency\":\"USD\",\"account\":{\"id\": " + merchant.accountId() + "}}}";
        Reply foreign = post(merchant.token(), "v1/payment-requests", String.format(other, euros.accountId()));
        Reply missing = post(merchant.token(), "v1/payment-requests", String.format(other, nowhere));
        assertEquals(400, foreign.status());
        assertEquals(missing.errorMessage().replace(String.valueOf(nowhere), "N"),
                foreign.errorMessage().replace(String.valueOf(euros.accountId()), "N"),
                "an account in another currency and no account at all read the same");
        String transfer = "{\"from\":[{\"amount\":1.00,\"currency\":\"EUR\",\"account\":{\"id\":" + euros.accountId()
                + "}}],\"to\":[{\"currency\":\"EUR\",\"account\":{\"id\":%d}}]}";
        Reply toDollars = post(euros.token(), "v1/payments", String.format(transfer, merchant.accountId()));
        Reply toNowhere = post(euros.token(), "v1/payments", String.format(transfer, nowhere));
        assertEquals(toNowhere.errorMessage().replace(String.valueOf(nowhere), "N"),
                toDollars.errorMessage().replace(String.valueOf(merchant.accountId()), "N"));
    }

    @Test
    void aClientMayHaveOnlySoManyCallsWithAKeyRunningAtOnce() throws Exception {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, "USD", null);
        long card = check(admin("POST", "parties/" + person.partyId() + "/accounts", "{\"currency\":\"USD\",\"type\":\"CARD\"}"), 201)
                .number("id");
        // Each waits on the silent .03 answer, its key claimed and open all the while.
        List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < OPEN_CLAIMS_ALLOWED; i++) {
            items.add(PaymentsIT.request(merchant, person.username(), "1.03"));
        }
        var waiting = items.stream().map(item -> java.util.concurrent.CompletableFuture.supplyAsync(() ->
                MakePaymentScenarios.makePayment(person, item, card, 6, null, Map.of("Idempotency-Key", "open-" + item)))).toList();
        for (String item : items) {
            Api.eventually(() -> get(person.token(), "v1/items/" + item + "/status"), r -> r.status() == 202, 10_000);
        }
        String one = PaymentsIT.request(merchant, person.username(), "1.00");
        Reply refused = MakePaymentScenarios.makePayment(person, one, card, 0, null, Map.of("Idempotency-Key", "one-too-many"));
        assertEquals(429, refused.status(), refused.toString());
        assertEquals("too_many_requests", refused.errorKey());
        // A call that is one transaction holds no claim open while it runs, so the limit does not stop it.
        check(send("POST", "v1/requests/" + one + "/pay", bearer(person.token()), json("account_id", person.accountId()),
                Map.of("Idempotency-Key", "in-one-transaction")), 422); // no funds
        waiting.forEach(java.util.concurrent.CompletableFuture::join);
        check(send("POST", "v1/requests/" + one + "/pay", bearer(person.token()), json("account_id", person.accountId()),
                Map.of("Idempotency-Key", "one-too-many")), 422); // no funds: the refused key was never kept
    }

    /** {@code PAYMENTS_IDEMPOTENCY_MAX_OPEN_PER_CLIENT} of the integration suite. */
    private static final int OPEN_CLAIMS_ALLOWED = 3;

    @Test
    void theServerNamesNoProductAndAnswersNoWadl() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Reply read = get(merchant.token(), "v1/events");
        assertTrue(read.headers().firstValue("Server").isEmpty(), read.headers().map().toString());
        assertTrue(read.headers().firstValue("X-Powered-By").isEmpty(), read.headers().map().toString());
        Reply options = send("OPTIONS", "v1/requests", bearer(merchant.token()), null, Map.of());
        assertFalse(options.text().contains("application.wadl") || options.text().contains("<"), options.text());
        Reply charset = send("POST", "v1/requests", bearer(merchant.token()), "{}",
                Map.of("Content-Type", "application/json; charset=bogus"));
        assertEquals(415, charset.status());
        assertEquals("unsupported_media_type", charset.errorKey());
    }

    @Test
    void depositsAreBoundedByTheirLimitAndTheLedger() {
        Client person = client("PERSON", null, "USD", null);
        assertEquals(0, Api.balance(person.accountId()).signum());
        Reply overLimit = admin("POST", "accounts/" + person.accountId() + "/deposits", "{\"amount\": 10000000.01}");
        assertEquals(422, overLimit.status());
        assertEquals("payment_exceeds_limits", overLimit.errorKey());
        Reply tooLarge = admin("POST", "accounts/" + person.accountId() + "/deposits", "{\"amount\": 1E+15}");
        assertEquals(400, tooLarge.status());
        assertTrue(tooLarge.errorMessage().startsWith("amount:"), tooLarge.toString());
    }
}
