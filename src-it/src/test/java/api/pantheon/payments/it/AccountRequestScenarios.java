package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.admin;
import static api.pantheon.payments.it.Api.bearer;
import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.get;
import static api.pantheon.payments.it.Api.post;
import static api.pantheon.payments.it.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dialect 002 (account-to-account payment requests, confirmed by a transfer). Run as a nested class
 * of {@link PaymentsIT}, so that both share one Payara Micro start.
 */
abstract class AccountRequestScenarios {

    static String seedRequest(long from, long to, String amount, String expiration) {
        return "{\"amount\": " + amount + ",\"from\":{\"currency\": \"USD\",\"account\":{\"id\": " + from + "}},"
                + "\"to\":{\"currency\": \"USD\",\"account\":{\"id\": " + to + "}},\"expiration\": \"" + expiration + "\","
                + "\"metadata\":{\"message\": \"David's birthday present\"},\"location\":{\"lat\":12.2,\"lng\":-12.2}}";
    }

    static String openRequest(long to, String amount) {
        return "{\"amount\": " + amount + ",\"to\":{\"currency\": \"USD\",\"account\":{\"id\": " + to + "}}}";
    }

    static String confirmation(String token, long from, String amount, long to) {
        return "{\"descriptor\": \"PAYMENT REQUEST ACCEPT\",\"token\": \"" + token + "\","
                + "\"from\": [{\"amount\": " + amount + ",\"currency\": \"USD\",\"account\": {\"id\": " + from + "}}],"
                + "\"to\": [{\"currency\": \"USD\",\"account\": {\"id\": " + to + "}}],"
                + "\"metadata\": [{\"source\": \"account balance\",\"message\": \"David's birthday present\"}]}";
    }

    static String inAnHour() {
        return Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String code(Client sender, String body) {
        Reply created = check(post(sender.token(), "v1/payment-requests", body), 201);
        assertEquals("TOKEN", created.string("type"));
        return created.string("code");
    }


    static JsonObject only(Reply list, String code) {
        return list.array().getValuesAs(JsonObject.class).stream().filter(item -> item.getString("id").equals(code))
                .findFirst().orElseThrow(() -> new AssertionError(code + " not in " + list));
    }

    @Test
    void theSeedsRequestIsListedOnBothSidesAndConfirmedByTheSeedsPayment() {
        Client sender = client("PERSON", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "100.00");
        String expiration = inAnHour();
        String code = code(sender, seedRequest(payer.accountId(), sender.accountId(), "25.50", expiration));

        for (Reply list : List.of(check(get(sender.token(), "v1/payments-requests?to=" + sender.accountId()), 200),
                check(get(payer.token(), "v1/payment-requests?from=" + payer.accountId()), 200))) {
            JsonObject item = only(list, code);
            assertEquals(new BigDecimal("25.50"), item.getJsonNumber("amount").bigDecimalValue());
            assertEquals(sender.accountId(), item.getJsonNumber("to").longValue());
            assertEquals(expiration, item.getString("expiration"));
            assertEquals(12.2, item.getJsonObject("location").getJsonNumber("lat").doubleValue());
            assertEquals(-12.2, item.getJsonObject("location").getJsonNumber("lng").doubleValue());
            assertEquals("PENDING", item.getString("status"));
            assertEquals("David's birthday present", item.getJsonObject("metadata").getString("message"));
            assertTrue(item.getString("creation_date").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        }

        Reply paid = check(post(payer.token(), "v1/payments", confirmation(code, payer.accountId(), "25.50",
                sender.accountId())), 201);
        assertEquals("COMPLETED", paid.string("status"));
        assertEquals(code, paid.string("token"));
        assertEquals(new BigDecimal("25.50"), paid.decimal("amount"));
        assertEquals(payer.accountId(), paid.json().getJsonObject("from").getJsonObject("account").getJsonNumber("id").longValue());
        assertEquals(sender.accountId(), paid.json().getJsonObject("to").getJsonObject("account").getJsonNumber("id").longValue());
        assertEquals("PAYMENT REQUEST ACCEPT", paid.string("descriptor"));
        assertEquals(new BigDecimal("74.50"), Api.balance(payer.accountId()));
        assertEquals(new BigDecimal("25.50"), Api.balance(sender.accountId()));
        assertEquals("PAID", check(get(sender.token(), "v1/payment-requests/" + code), 200).string("status"));
        assertEquals("paid", check(get(payer.token(), "v1/requests/" + code), 200).string("status"));

        Reply again = post(payer.token(), "v1/payments", confirmation(code, payer.accountId(), "25.50", sender.accountId()));
        assertEquals(409, again.status());
        assertEquals("payment_not_pending", again.errorKey());
        assertEquals(new BigDecimal("74.50"), Api.balance(payer.accountId()));
        PaymentsIT.assertBooksBalance();
    }

    @Test
    void withoutFromAnyoneHoldingTheCodePaysButOnlyOnce() {
        Client sender = client("MERCHANT", null, "USD", null);
        Client first = client("PERSON", null, "USD", "10");
        Client second = client("PERSON", null, "USD", "10");
        String code = code(sender, openRequest(sender.accountId(), "4.00"));
        String pay = "{\"token\":\"" + code + "\",\"from\":[{\"account\":{\"id\":" + first.accountId() + "}}]}";
        check(post(first.token(), "v1/payments", pay), 201);
        String late = "{\"token\":\"" + code + "\",\"from\":[{\"account\":{\"id\":" + second.accountId() + "}}]}";
        assertEquals(409, post(second.token(), "v1/payments", late).status());
        assertEquals(new BigDecimal("6.00"), Api.balance(first.accountId()));
        assertEquals(new BigDecimal("10.00"), Api.balance(second.accountId()));
    }

    @Test
    void refusesUnknownTokensOthersCodesAndWrongSides() {
        Client sender = client("PERSON", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "100");
        Client stranger = client("PERSON", null, "USD", "100");
        String code = code(sender, seedRequest(payer.accountId(), sender.accountId(), "5.00", inAnHour()));

        Reply unknown = post(payer.token(), "v1/payments", confirmation("no-such-code", payer.accountId(), "5.00", sender.accountId()));
        assertEquals(400, unknown.status());
        assertTrue(unknown.errorMessage().startsWith("token:"));
        Reply others = post(stranger.token(), "v1/payments", confirmation(code, stranger.accountId(), "5.00", sender.accountId()));
        assertEquals(400, others.status(), "someone else's code reads as unknown");
        assertEquals(others.errorMessage(), unknown.errorMessage());
        assertEquals(404, get(stranger.token(), "v1/payment-requests/" + code).status());

        long otherAccount = Api.openAccount(sender.partyId(), "USD");
        Reply wrongTo = post(payer.token(), "v1/payments", confirmation(code, payer.accountId(), "5.00", otherAccount));
        assertEquals(400, wrongTo.status());
        assertTrue(wrongTo.errorMessage().startsWith("to:"), wrongTo.toString());
        Reply wrongAmount = post(payer.token(), "v1/payments", confirmation(code, payer.accountId(), "5.01", sender.accountId()));
        assertEquals(400, wrongAmount.status());
        long payersOther = Api.openAccount(payer.partyId(), "USD");
        Reply wrongFrom = post(payer.token(), "v1/payments", confirmation(code, payersOther, "5.00", sender.accountId()));
        assertEquals(400, wrongFrom.status());
        assertTrue(wrongFrom.errorMessage().contains("paid from account " + payer.accountId()), wrongFrom.toString());
        Reply notMine = post(payer.token(), "v1/payments", confirmation(code, stranger.accountId(), "5.00", sender.accountId()));
        assertEquals(400, notMine.status());

        String two = "{\"token\":\"" + code + "\",\"from\":[{\"account\":{\"id\":" + payer.accountId() + "}},"
                + "{\"account\":{\"id\":" + payersOther + "}}]}";
        Reply several = post(payer.token(), "v1/payments", two);
        assertEquals(400, several.status());
        assertTrue(several.errorMessage().contains("several"), several.toString());
        assertEquals(new BigDecimal("100.00"), Api.balance(payer.accountId()));
        assertEquals(new BigDecimal("100.00"), Api.balance(stranger.accountId()));
        assertEquals(0, Api.balance(sender.accountId()).signum());
    }

    @Test
    void insufficientFundsMoveNothingAndTheRequestStaysPending() {
        Client sender = client("PERSON", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "5.00");
        String code = code(sender, seedRequest(payer.accountId(), sender.accountId(), "5.01", inAnHour()));
        Reply refused = post(payer.token(), "v1/payments", confirmation(code, payer.accountId(), "5.01", sender.accountId()));
        assertEquals(422, refused.status());
        assertEquals("insufficient_funds", refused.errorKey());
        assertEquals(new BigDecimal("5.00"), Api.balance(payer.accountId()));
        assertEquals("PENDING", check(get(sender.token(), "v1/payment-requests/" + code), 200).string("status"));
    }

    @Test
    void thePayerDeclinesTheSenderCancelsAndNeitherCanBePaidAfter() {
        Client sender = client("PERSON", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "50");
        String declined = code(sender, seedRequest(payer.accountId(), sender.accountId(), "5.00", inAnHour()));
        assertEquals(403, post(sender.token(), "v1/payment-requests/" + declined + "/decline", null).status());
        assertEquals("DECLINED", check(post(payer.token(), "v1/payment-requests/" + declined + "/decline", null), 200)
                .string("status"));
        assertEquals("rejected", check(get(sender.token(), "v1/requests/" + declined + "/status"), 200).string("status"));

        String cancelled = code(sender, seedRequest(payer.accountId(), sender.accountId(), "5.00", inAnHour()));
        assertEquals(403, post(payer.token(), "v1/payment-requests/" + cancelled + "/cancel", null).status());
        assertEquals("CANCELLED", check(post(sender.token(), "v1/payment-requests/" + cancelled + "/cancel", null), 200)
                .string("status"));
        for (String code : List.of(declined, cancelled)) {
            Reply pay = post(payer.token(), "v1/payments", confirmation(code, payer.accountId(), "5.00", sender.accountId()));
            assertEquals(409, pay.status(), pay.toString());
        }
        assertEquals(new BigDecimal("50.00"), Api.balance(payer.accountId()));
    }

    @Test
    void transfersFundsWithoutAToken() {
        Client payer = client("PERSON", null, "USD", "20");
        Client payee = client("PERSON", null, "USD", null);
        String transfer = "{\"descriptor\":\"rent\",\"from\":[{\"amount\": 7.25,\"currency\":\"USD\",\"account\":{\"id\":"
                + payer.accountId() + "}}],\"to\":[{\"currency\":\"USD\",\"account\":{\"id\":" + payee.accountId() + "}}]}";
        Reply moved = check(post(payer.token(), "v1/payments", transfer), 201);
        assertFalse(moved.json().containsKey("token"));
        assertEquals(new BigDecimal("12.75"), Api.balance(payer.accountId()));
        assertEquals(new BigDecimal("7.25"), Api.balance(payee.accountId()));
        assertEquals(400, post(payee.token(), "v1/payments", transfer).status(), "payee does not own the from account");
        String noAmount = transfer.replace("\"amount\": 7.25,", "");
        assertEquals(400, post(payer.token(), "v1/payments", noAmount).status());
        String nowhere = transfer.replace("{\"id\":" + payee.accountId() + "}", "{\"id\":999999999}");
        assertEquals(400, post(payer.token(), "v1/payments", nowhere).status());
        Reply tooMuch = post(payer.token(), "v1/payments", transfer.replace("7.25", "12.76"));
        assertEquals(422, tooMuch.status());
        assertEquals(new BigDecimal("12.75"), Api.balance(payer.accountId()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"amount\": 1, \"to\":{\"currency\":\"EUR\",\"account\":{\"id\":TO}}}|to.currency",
            "{\"amount\": 1, \"from\":{\"currency\":\"EUR\",\"account\":{\"id\":FROM}},\"to\":{\"currency\":\"USD\",\"account\":{\"id\":TO}}}|from.currency",
            "{\"amount\": 1.001, \"to\":{\"currency\":\"USD\",\"account\":{\"id\":TO}}}|amount",
            "{\"amount\": 0, \"to\":{\"currency\":\"USD\",\"account\":{\"id\":TO}}}|amount",
            "{\"amount\": 1}|to",
            "{\"amount\": 1, \"to\":{\"currency\":\"USD\"}}|to.account",
            "{\"amount\": 1, \"to\":{\"currency\":\"USD\",\"account\":{\"id\":FROM}}}|to.account.id",
            "{\"amount\": 1, \"to\":{\"currency\":\"USD\",\"account\":{\"id\":TO}},\"expiration\":\"tomorrow\"}|expiration",
            "{\"amount\": 1, \"to\":{\"currency\":\"USD\",\"account\":{\"id\":TO}},\"expiration\":\"2020-02-01T21:22:12.800Z\"}|expiration",
            "{\"amount\": 1, \"to\":{\"currency\":\"USD\",\"account\":{\"id\":TO}},\"expiration\":\"2099-02-01T21:22:12.800Z\"}|expiration",
            "{\"amount\": 1, \"to\":{\"currency\":\"USD\",\"account\":{\"id\":TO}},\"metadata\":[1]}|metadata",
            "{\"amount\": 1, \"to\":{\"currency\":\"USD\",\"account\":{\"id\":TO}},\"location\":{\"lat\":91,\"lng\":0}}|location.lat",
            "{\"amount\": 1, \"to\":{\"currency\":\"USD\",\"account\":{\"id\":TO}},\"location\":{\"lat\":0}}|location.lng",
            "{\"amount\": 1, \"from\":{\"account\":{\"id\":999999999}},\"to\":{\"currency\":\"USD\",\"account\":{\"id\":TO}}}|from.account.id"})
    void refusesInvalidRequestsNamingTheField(String template, String field) {
        Client sender = client("PERSON", null, "USD", null);
        Client payer = client("PERSON", null, "USD", null);
        String body = template.replace("TO", String.valueOf(sender.accountId())).replace("FROM", String.valueOf(payer.accountId()));
        Reply refused = post(sender.token(), "v1/payment-requests", body);
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.errorMessage().startsWith(field + ":"), refused.toString());
    }

    @Test
    void refusesOversizedMetadata() {
        Client sender = client("PERSON", null, "USD", null);
        String big = "{\"amount\": 1, \"to\":{\"currency\":\"USD\",\"account\":{\"id\":" + sender.accountId()
                + "}},\"metadata\":{\"note\":\"" + "x".repeat(5000) + "\"}}";
        Reply refused = post(sender.token(), "v1/payment-requests", big);
        assertEquals(400, refused.status());
        assertTrue(refused.errorMessage().startsWith("metadata:"));
    }

    @Test
    void listingTakesExactlyOneOfToAndFromOfTheCallersOwnAccount() {
        Client owner = client("PERSON", null, "USD", null);
        Client stranger = client("PERSON", null, "USD", null);
        assertEquals(400, get(owner.token(), "v1/payment-requests").status());
        assertEquals(400, get(owner.token(), "v1/payment-requests?to=" + owner.accountId() + "&from=" + owner.accountId()).status());
        assertEquals(400, get(owner.token(), "v1/payment-requests?to=abc").status());
        for (String query : List.of("limit=abc", "limit=0", "limit=201")) {
            Reply refused = get(owner.token(), "v1/payment-requests?to=" + owner.accountId() + "&" + query);
            assertEquals(400, refused.status(), query);
            assertTrue(refused.errorMessage().startsWith("limit:"), refused.toString());
        }
        for (String path : List.of("v1/events?limit=abc", "v1/events?before=x", "v1/inbox?limit=-1")) {
            assertEquals(400, get(owner.token(), path).status(), path);
        }
        assertEquals(404, get(stranger.token(), "v1/payment-requests?to=" + owner.accountId()).status());
        assertEquals(404, get(stranger.token(), "v1/payments-requests?from=" + owner.accountId()).status());
        assertEquals("[]", check(get(owner.token(), "v1/payment-requests?to=" + owner.accountId()), 200).text());
    }

    @Test
    void aRequestMadeThroughEachDialectIsVisibleAndPayableThroughTheOther() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, "USD", "30");
        String viaFirst = PaymentsIT.request(merchant, person.username(), "3.00");
        JsonObject listed = only(check(get(person.token(), "v1/payment-requests?from=" + person.accountId()), 200), viaFirst);
        assertEquals("PENDING", listed.getString("status"));
        check(post(person.token(), "v1/payments", confirmation(viaFirst, person.accountId(), "3.00", merchant.accountId())), 201);
        assertEquals("paid", check(get(merchant.token(), "v1/requests/" + viaFirst), 200).string("status"));

        String viaSecond = code(merchant, seedRequest(person.accountId(), merchant.accountId(), "4.00", inAnHour()));
        Reply read = check(get(person.token(), "v1/requests/" + viaSecond), 200);
        assertEquals("pending", read.string("status"));
        assertEquals(new BigDecimal("4.00"), read.decimal("amount"));
        check(post(person.token(), "v1/requests/" + viaSecond + "/pay", "{\"account_id\": " + person.accountId() + "}"), 200);
        assertEquals("PAID", check(get(merchant.token(), "v1/payment-requests/" + viaSecond), 200).string("status"));
        assertEquals(new BigDecimal("23.00"), Api.balance(person.accountId()));
    }

    @Test
    void anExpiredCodeIsRefusedAsTheSeedSays() throws InterruptedException {
        Client sender = client("PERSON", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "10");
        String expiration = Instant.now().plusSeconds(11).truncatedTo(ChronoUnit.MILLIS).toString();
        String code = code(sender, seedRequest(payer.accountId(), sender.accountId(), "1.00", expiration));
        PaymentsIT.sleepUntil(Instant.parse(expiration).toEpochMilli() + 200);
        Reply expired = post(payer.token(), "v1/payments", confirmation(code, payer.accountId(), "1.00", sender.accountId()));
        assertEquals(400, expired.status());
        assertTrue(expired.errorMessage().startsWith("token:"));
        assertEquals("EXPIRED", check(get(sender.token(), "v1/payment-requests/" + code), 200).string("status"));
        assertEquals(new BigDecimal("10.00"), Api.balance(payer.accountId()));
    }

    @Test
    void aRetriedConfirmationWithTheSameKeyGetsTheSamePayment() {
        Client sender = client("PERSON", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "10");
        String code = code(sender, seedRequest(payer.accountId(), sender.accountId(), "2.00", inAnHour()));
        Map<String, String> key = Map.of("Idempotency-Key", "confirm-" + code);
        String body = confirmation(code, payer.accountId(), "2.00", sender.accountId());
        Reply first = check(send("POST", "v1/payments", bearer(payer.token()), body, key), 201);
        Reply retry = check(send("POST", "v1/payments", bearer(payer.token()), body, key), 201);
        assertEquals(first.string("id"), retry.string("id"));
        assertEquals(new BigDecimal("8.00"), Api.balance(payer.accountId()));
    }

    @Test
    void fiftyConcurrentConfirmationsOfOneCodeMoveTheMoneyOnce() throws Exception {
        Client sender = client("PERSON", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "1000.00");
        String code = code(sender, openRequest(sender.accountId(), "99.99"));
        String body = "{\"token\":\"" + code + "\",\"from\":[{\"account\":{\"id\":" + payer.accountId() + "}}]}";
        List<Reply> replies = PaymentsIT.concurrently(50, () -> post(payer.token(), "v1/payments", body));
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies.toString());
        assertTrue(replies.stream().filter(r -> r.status() != 201).allMatch(r -> r.status() == 409), replies.toString());
        assertEquals(new BigDecimal("900.01"), Api.balance(payer.accountId()));
        assertEquals(new BigDecimal("99.99"), Api.balance(sender.accountId()));
        PaymentsIT.assertBooksBalance();
    }

    @Test
    void walksTwoHundredFiftyRequestsPageByPageWhileNewOnesArrive() throws Exception {
        Client sender = client("MERCHANT", null, "USD", null);
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            before.add(code(sender, openRequest(sender.accountId(), "1." + String.format("%02d", i % 100))));
        }
        AtomicBoolean walking = new AtomicBoolean(true);
        AtomicInteger addedMeanwhile = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (walking.get()) {
                code(sender, openRequest(sender.accountId(), "9.99"));
                addedMeanwhile.incrementAndGet();
            }
        });
        writer.start();
        List<String> seen = new ArrayList<>();
        String path = "v1/payment-requests?to=" + sender.accountId() + "&limit=40";
        int pages = 0;
        try {
            while (path != null) {
                Reply page = check(get(sender.token(), path), 200);
                pages++;
                page.array().getValuesAs(JsonObject.class).forEach(item -> seen.add(item.getString("id")));
                path = next(page);
                Thread.sleep(20);
            }
        } finally {
            walking.set(false);
            writer.join();
        }
        Set<String> unique = new HashSet<>(seen);
        assertEquals(seen.size(), unique.size(), "no request twice");
        assertTrue(unique.containsAll(before), "no request of the first 250 missed");
        assertTrue(addedMeanwhile.get() > 0, "requests were created during the walk");
        assertTrue(pages >= 7, "250 in pages of 40: " + pages);
        List<String> expectedOrder = new ArrayList<>(before);
        java.util.Collections.reverse(expectedOrder);
        assertEquals(expectedOrder, seen.stream().filter(before::contains).toList(), "newest first");
    }

    private static final Pattern NEXT = Pattern.compile("<[^>]*/payments/(v1/[^>]+)>;\\s*rel=\"next\"");

    private static String next(Reply page) {
        return page.headers().allValues("Link").stream().map(NEXT::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElse(null);
    }
}
