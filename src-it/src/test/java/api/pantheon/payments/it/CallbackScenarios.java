package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.get;
import static api.pantheon.payments.it.Api.json;
import static api.pantheon.payments.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import api.pantheon.payments.it.CallbackReceiver.Received;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Events and signed callbacks of dialect 001, checked by a real receiver in the test JVM. Run as a
 * nested class of {@link PaymentsIT}, on its server (retry schedule shortened to 1 s by the build).
 */
abstract class CallbackScenarios extends WithCallbackReceiver {


    private String requestWithCallback(Client merchant, Client person, String amount, String path, Integer expiresIn) {
        Reply created = check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal(amount), "currency", "USD",
                "recipient", person.username(), "order", "order-" + path.hashCode(), "notify_url", receiver.url(path),
                "expires_in", expiresIn)), 200);
        return created.string("id");
    }


    @Test
    void paidDeclinedAndExpiredRequestsEachGetExactlyTheirSignedCallback() throws InterruptedException {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, "USD", "50");
        String paid = requestWithCallback(merchant, person, "12.30", "/paid", null);
        String declined = requestWithCallback(merchant, person, "1.00", "/declined", null);
        String expired = requestWithCallback(merchant, person, "1.00", "/expired", 10);
        Reply payment = check(post(person.token(), "v1/requests/" + paid + "/pay", json("account_id", person.accountId())), 200);
        check(post(person.token(), "v1/requests/" + declined + "/reject", null), 200);

        JsonObject paidCallback = receiver.await("/paid", 1, 10_000).get(0).body();
        assertEquals(paid, paidCallback.getString("id"));
        assertEquals(payment.string("transaction_id"), paidCallback.getString("transaction_id"));
        assertEquals(new BigDecimal("12.30"), paidCallback.getJsonNumber("amount").bigDecimalValue());
        assertEquals("USD", paidCallback.getString("currency"));
        assertEquals("paid", paidCallback.getString("status"));
        assertEquals("order-" + "/paid".hashCode(), paidCallback.getString("order"));
        assertTrue(CallbackReceiver.signedWith(merchant.signingSecret(), paidCallback), paidCallback.toString());
        assertFalse(CallbackReceiver.signedWith(person.signingSecret(), paidCallback));

        JsonObject declinedCallback = receiver.await("/declined", 1, 10_000).get(0).body();
        assertEquals("rejected", declinedCallback.getString("status"));
        assertFalse(declinedCallback.containsKey("transaction_id"));
        assertTrue(CallbackReceiver.signedWith(merchant.signingSecret(), declinedCallback));

        JsonObject expiredCallback = receiver.await("/expired", 1, 20_000).get(0).body();
        assertEquals(expired, expiredCallback.getString("id"));
        assertEquals("rejected", expiredCallback.getString("status"));
        assertTrue(CallbackReceiver.signedWith(merchant.signingSecret(), expiredCallback));

        // Once nothing is owed any more, no second callback can follow: then count.
        for (String id : List.of(paid, declined, expired)) {
            Api.eventually(() -> check(get(merchant.token(), "v1/requests/" + id + "/deliveries"), 200).array()
                    .getValuesAs(JsonObject.class), deliveries -> deliveries.stream()
                    .allMatch(d -> d.getString("state").equals("DELIVERED")), 10_000);
        }
        for (String path : List.of("/paid", "/declined", "/expired")) {
            assertEquals(1, receiver.at(path).size(), path + " got exactly one callback");
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventOnTheFourthTry() throws InterruptedException {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, "USD", "50");
        receiver.failFirst("/flaky", 3);
        String id = requestWithCallback(merchant, person, "2.00", "/flaky", null);
        check(post(person.token(), "v1/requests/" + id + "/pay", json("account_id", person.accountId())), 200);

        List<Received> got = receiver.await("/flaky", 1, 20_000);
        assertEquals(1, got.size());
        assertTrue(CallbackReceiver.signedWith(merchant.signingSecret(), got.get(0).body()));
        // The try is recorded once the receiver's answer is in, a moment after the receiver saw it.
        JsonArray attempts = Api.eventually(() -> check(get(merchant.token(), "v1/requests/" + id + "/callbacks"), 200).array(),
                recorded -> recorded.size() >= 4, 5_000);
        assertEquals(4, attempts.size(), attempts.toString());
        for (int i = 0; i < 4; i++) {
            JsonObject attempt = attempts.getJsonObject(i);
            assertEquals(i < 3 ? 500 : 200, attempt.getInt("http_status"));
            assertEquals(receiver.url("/flaky"), attempt.getString("url"));
            assertEquals(i == 3, attempt.getBoolean("succeeded"));
            assertTrue(attempt.containsKey("attempted_at") && attempt.containsKey("duration_ms"));
        }
        assertEquals(404, get(client("PERSON", null, null, null).token(), "v1/requests/" + id + "/callbacks").status());
    }

    @Test
    void aChangeThatRollsBackSendsNothing() throws InterruptedException {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, "USD", "1.00");
        String id = requestWithCallback(merchant, person, "5.00", "/rolled-back", null);
        Reply refused = post(person.token(), "v1/requests/" + id + "/pay", json("account_id", person.accountId()));
        assertEquals(422, refused.status());
        // The cancellation's callback comes after any earlier one of this request to this URL: once it
        // is in, a callback for the refused payment would have been too.
        check(post(merchant.token(), "v1/requests/" + id + "/cancel", null), 200);
        List<Received> received = receiver.await("/rolled-back", 1, 10_000);
        assertEquals(List.of("rejected"), received.stream().map(r -> r.body().getString("status")).toList(),
                "only the cancellation was called back, never the refused payment");
        JsonArray events = check(get(merchant.token(), "v1/events?limit=200"), 200).array();
        List<String> types = new ArrayList<>();
        events.getValuesAs(JsonObject.class).stream().filter(e -> e.getString("request_id").equals(id))
                .forEach(e -> types.add(e.getString("type")));
        assertEquals(List.of("payment_request.cancelled", "payment_request.pending"), types);
    }

    @Test
    void anEventCanBeReplayedWithItsStableId() throws InterruptedException {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, "USD", "50");
        String id = requestWithCallback(merchant, person, "3.00", "/replayed", null);
        check(post(merchant.token(), "v1/requests/" + id + "/cancel", null), 200);
        Received first = receiver.await("/replayed", 1, 10_000).get(0);

        JsonObject event = check(get(merchant.token(), "v1/events"), 200).array().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("request_id").equals(id) && e.getString("type").equals("payment_request.cancelled"))
                .findFirst().orElseThrow();
        assertEquals(event.getString("id"), first.body().getString("event_id"));
        assertEquals(event.getString("id"), first.eventIdHeader());
        assertEquals(404, post(person.token(), "v1/events/" + event.getString("id") + "/replay", null).status());
        check(post(merchant.token(), "v1/events/" + event.getString("id") + "/replay", null), 202);
        List<Received> both = receiver.await("/replayed", 2, 10_000);
        assertEquals(2, both.size());
        assertEquals(first.body().getString("event_id"), both.get(1).body().getString("event_id"));
        assertEquals(first.body(), both.get(1).body());
    }

    @Test
    void refusesCallbackUrlsThatPointInsideOurNetwork() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, null, null);
        for (String url : List.of("http://10.1.2.3/hook", "http://192.168.0.1/hook", "http://169.254.169.254/latest/meta-data",
                "http://localhost:9/hook", "http://[::1]/hook")) {
            Reply refused = post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1"), "currency", "USD",
                    "recipient", person.username(), "notify_url", url));
            assertEquals(400, refused.status(), url);
            assertTrue(refused.errorMessage().startsWith("notify_url:"), refused.toString());
        }
    }

    @Test
    void eventsAreListedNewestFirstPageByPage() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, null, null);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(PaymentsIT.request(merchant, person.username(), "1.00"));
        }
        Reply first = check(get(merchant.token(), "v1/events?limit=3"), 200);
        assertEquals(3, first.array().size());
        String next = first.headers().firstValue("Link").orElseThrow();
        String path = next.substring(next.indexOf("/payments/") + "/payments/".length(), next.indexOf('>'));
        Reply second = check(get(merchant.token(), path), 200);
        List<String> requestIds = new ArrayList<>();
        for (Reply page : List.of(first, second)) {
            page.array().getValuesAs(JsonObject.class).forEach(e -> requestIds.add(e.getString("request_id")));
        }
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, requestIds);
    }

    @Test
    void aThousandRequestsPaidInABurstGetAThousandVerifiedCallbacks() throws Exception {
        Client merchant = client("MERCHANT", null, "USD", null);
        int count = 1000;
        int payers = 20;
        List<Client> people = new ArrayList<>();
        for (int i = 0; i < payers; i++) {
            people.add(client("PERSON", null, "USD", "1000.00"));
        }
        String path = "/burst-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Client payer = people.get(i % payers);
            ids.add(check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1.00"), "currency", "USD",
                    "recipient", payer.username(), "notify_url", receiver.url(path))), 200).string("id"));
        }
        AtomicInteger next = new AtomicInteger();
        long start = System.currentTimeMillis();
        PaymentsIT.concurrently(16, () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                Client payer = people.get(i % payers);
                check(post(payer.token(), "v1/requests/" + ids.get(i) + "/pay", json("account_id", payer.accountId())), 200);
            }
            return null;
        });
        List<Received> got = receiver.await(path, count, 120_000);
        long last = got.stream().mapToLong(Received::receivedAtMillis).max().orElse(start);
        System.out.printf("callbacks: %d delivered in %.1f s after the burst began: %.0f per second%n",
                got.size(), (last - start) / 1000.0, got.size() * 1000.0 / Math.max(1, last - start));
        assertEquals(count, got.size());
        Set<String> events = new HashSet<>();
        Set<String> requests = new HashSet<>();
        for (Received callback : got) {
            assertTrue(CallbackReceiver.signedWith(merchant.signingSecret(), callback.body()));
            assertEquals("paid", callback.body().getString("status"));
            events.add(callback.body().getString("event_id"));
            requests.add(callback.body().getString("id"));
        }
        assertEquals(count, events.size(), "no duplicates");
        assertEquals(new HashSet<>(ids), requests, "none lost");
    }
}
