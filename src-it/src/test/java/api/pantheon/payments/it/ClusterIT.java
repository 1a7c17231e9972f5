package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.bearer;
import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import api.pantheon.payments.it.Api.Server;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production topology ({@code ./cluster.sh}: PostgreSQL, a standalone broker, two instances behind
 * HAProxy) holds every guarantee of one instance. Flows first, faults last; each fault test leaves both
 * instances running for the next. Run by {@code mvn verify -Pcluster}, which needs the local PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final CallbackReceiver RECEIVER = new CallbackReceiver();
    private static final Cluster CLUSTER = new Cluster(Map.of(
            "PAYMENTS_OUTBOUND_ALLOW_HOSTS", "127.0.0.1",
            "PAYMENTS_CALLBACKS_RETRY_SCHEDULE", "1s,1s,2s,5s,10s",
            "PAYMENTS_STOP_GRACE_SECONDS", "2",
            "PAYMENTS_BROKER_PORT", System.getProperty("payments.it.cluster.broker-port", "61626"),
            "PAYMENTS_JAVA_OPTS", "-Xmx768m"));
    private static Server balancer;
    private static Server p1;
    private static Server p2;

    @BeforeAll
    static void up() {
        CLUSTER.up();
        balancer = CLUSTER.balancer();
        p1 = CLUSTER.instance("p1");
        p2 = CLUSTER.instance("p2");
    }

    @AfterAll
    static void down() {
        try {
            balancer.assertBooksBalance();
        } finally {
            CLUSTER.close();
            RECEIVER.close();
        }
    }

    @Test
    @Order(1)
    void eachInstanceSaysWhoItIsInHealthAndMetrics() {
        for (String name : List.of("p1", "p2")) {
            Server instance = CLUSTER.instance(name);
            Reply ready = check(instance.send("GET", "../health/ready", null, null, Map.of()), 200);
            JsonObject self = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("name").equals("instance")).findFirst().orElseThrow(() -> new AssertionError(ready));
            assertEquals(name, self.getJsonObject("data").getString("name"));
            String metrics = check(instance.send("GET", "../metrics", null, null, Map.of()), 200).text();
            assertTrue(metrics.contains("payment_requests_created_total{instance=\"" + name + "\""), metrics);
            assertTrue(metrics.contains("callbacks_dead{instance=\"" + name + "\""), metrics);
        }
    }

    @Test
    @Order(2)
    void aRequestMadeOnOneInstanceIsReadPaidRefundedAndListedOnTheOther() throws InterruptedException {
        Client merchant = p1.client("MERCHANT", null, "USD", null);
        Client payer = p2.client("PERSON", null, "USD", "100.00");
        String notify = RECEIVER.url("/flows");
        String id = check(p1.post(merchant.token(), "v1/requests", json("amount", new BigDecimal("12.50"), "currency", "USD",
                "recipient", payer.username(), "notify_url", notify)), 200).string("id");
        assertEquals("pending", check(p2.get(merchant.token(), "v1/requests/" + id), 200).string("status"));
        check(p2.post(payer.token(), "v1/requests/" + id + "/pay", json("account_id", payer.accountId())), 200);
        assertEquals("paid", check(p1.get(payer.token(), "v1/requests/" + id), 200).string("status"));
        check(p1.post(merchant.token(), "v1/requests/" + id + "/refunds", json("amount", new BigDecimal("2.50"),
                "reason", "one item short")), 201);
        check(p2.post(merchant.token(), "v1/requests/" + id + "/refunds", json("amount", new BigDecimal("10.00"),
                "reason", "all returned")), 201);
        assertEquals(new BigDecimal("12.50"), check(p2.get(merchant.token(), "v1/requests/" + id), 200).decimal("refunded_amount"));
        Set<String> listed = check(p2.get(merchant.token(), "v1/events?limit=50"), 200).array().getValuesAs(JsonObject.class)
                .stream().map(event -> event.getString("request_id", "")).collect(Collectors.toSet());
        assertTrue(listed.contains(id), "the request's events are listed on the other instance: " + listed);
        assertEquals(new BigDecimal("100.00"), balancer.balance(payer.accountId()));
        // its callbacks, in the order of its events, whichever instance relayed each
        List<JsonObject> callbacks = RECEIVER.await("/flows", 3, 30_000).stream().map(CallbackReceiver.Received::body).toList();
        assertEquals(List.of("paid", "refunded", "refunded"), callbacks.stream().map(body -> body.getString("status")).toList(),
                callbacks.toString());
        assertEquals(List.of(new BigDecimal("2.50"), new BigDecimal("12.50")), callbacks.stream().skip(1)
                .map(body -> body.getJsonNumber("refunded_amount").bigDecimalValue().setScale(2)).toList(), callbacks.toString());
    }

    @Test
    @Order(3)
    void eachExpiryHappensOnceWithOneCallback() throws InterruptedException {
        Client merchant = balancer.client("MERCHANT", null, "USD", null);
        Client payer = balancer.client("PERSON", null, "USD", null);
        String notify = RECEIVER.url("/expiry");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Server via = i % 2 == 0 ? p1 : p2;
            ids.add(check(via.post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1.00"), "currency", "USD",
                    "recipient", payer.username(), "notify_url", notify, "expires_in", 10)), 200).string("id"));
        }
        RECEIVER.await("/expiry", ids.size(), 60_000);
        // nothing more is owed anywhere: any second expiry or delivery would have been sent by now
        Api.eventually(() -> balancer.send("GET", "../metrics", null, null, Map.of()),
                metrics -> metrics.text().contains("callbacks_owed{instance=") && ownedNothing(metrics.text()), 30_000);
        Map<String, Long> callbacksPerRequest = RECEIVER.at("/expiry").stream()
                .collect(Collectors.groupingBy(r -> r.body().getString("id"), TreeMap::new, Collectors.counting()));
        assertEquals(ids.stream().collect(Collectors.toMap(id -> id, id -> 1L, (a, b) -> a, TreeMap::new)), callbacksPerRequest,
                "one expiry callback per request");
        // seed 001 calls an expired request rejected
        List<String> statuses = RECEIVER.at("/expiry").stream().map(r -> r.body().getString("status")).distinct().toList();
        assertEquals(List.of("rejected"), statuses);
        List<JsonObject> events = check(p2.get(merchant.token(), "v1/events?limit=200"), 200).array().getValuesAs(JsonObject.class);
        Map<String, Long> expiredEvents = events.stream().filter(e -> "payment_request.expired".equals(e.getString("type", "")))
                .collect(Collectors.groupingBy(e -> e.getString("request_id"), Collectors.counting()));
        assertEquals(ids.size(), expiredEvents.size(), events.toString());
        assertTrue(expiredEvents.values().stream().allMatch(n -> n == 1), "one expired event per request: " + expiredEvents);
    }

    private static boolean ownedNothing(String metrics) {
        return metrics.lines().filter(line -> line.startsWith("callbacks_owed{")).allMatch(line -> line.endsWith(" 0"));
    }

    @Test
    @Order(4)
    void theSameIdempotencyKeySentToBothInstancesAtOnceRunsOnce() throws Exception {
        Client merchant = balancer.client("MERCHANT", null, "USD", null);
        Client payer = balancer.client("PERSON", null, "USD", null);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String key = UUID.randomUUID().toString();
                String body = json("amount", new BigDecimal("3.00"), "currency", "USD", "recipient", payer.username());
                CountDownLatch together = new CountDownLatch(2);
                List<Future<Reply>> answers = new ArrayList<>();
                for (Server via : List.of(p1, p2)) {
                    answers.add(callers.submit(() -> {
                        together.countDown();
                        together.await();
                        return via.send("POST", "v1/requests", bearer(merchant.token()), body, Map.of("Idempotency-Key", key));
                    }));
                }
                Set<String> created = new HashSet<>();
                for (Future<Reply> answer : answers) {
                    Reply reply = answer.get(60, TimeUnit.SECONDS);
                    assertTrue(reply.status() == 200 || reply.status() == 409, reply.toString());
                    if (reply.status() == 200) {
                        created.add(reply.string("id"));
                    }
                }
                assertEquals(1, created.size(), "one request for key " + key + ": " + created);
            }
        } finally {
            callers.shutdownNow();
        }
        long requests = check(balancer.get(merchant.token(), "v1/events?limit=200"), 200).array().getValuesAs(JsonObject.class)
                .stream().filter(e -> "pending".equals(e.getString("status", ""))).count();
        assertEquals(10, requests, "ten keys, ten requests");
    }

    @Test
    @Order(5)
    void aKeyRevokedOnOneInstanceStopsWorkingOnBothWithinASecond() throws InterruptedException {
        Client merchant = balancer.client("MERCHANT", null, "USD", null);
        check(p1.get(merchant.token(), "v1/events"), 200);
        check(p2.get(merchant.token(), "v1/events"), 200);
        String keyId = check(p1.admin("GET", "parties/" + merchant.partyId() + "/keys", null), 200).array()
                .getJsonObject(0).getString("key_id");
        check(p1.admin("DELETE", "parties/" + merchant.partyId() + "/keys/" + keyId, null), 200);
        Thread.sleep(1_000);
        assertEquals(401, p1.get(merchant.token(), "v1/events").status());
        assertEquals(401, p2.get(merchant.token(), "v1/events").status());
    }

    /** A request to a person who pays by card (seed 003's make payment, through the business system). */
    private record CardPayment(Client person, long card, String item) {

        Reply make(Server via, int wait) {
            return via.send("PATCH", "v1/items/" + item + "/make_payment", bearer(person.token()), "{\"account_id\": \"" + card
                    + "\", \"device_id\": \"358277090995038\", \"ip_address\": \"49.192.154.141\", \"wait\": " + wait + "}", Map.of());
        }
    }

    private static CardPayment cardPaymentOn(Server via, String amount) {
        Client merchant = via.client("MERCHANT", null, "USD", null);
        Client person = via.client("PERSON", null, "USD", null);
        long card = check(via.admin("POST", "parties/" + person.partyId() + "/accounts", "{\"currency\":\"USD\",\"type\":\"CARD\"}"), 201)
                .number("id");
        String item = check(via.post(merchant.token(), "v1/requests", json("amount", new BigDecimal(amount), "currency", "USD",
                "recipient", person.username())), 200).string("id");
        return new CardPayment(person, card, item);
    }

    @Test
    @Order(6)
    void aMakePaymentCallerWaitingOnOneInstanceIsAnsweredWhenTheOtherSettlesIt() throws Exception {
        CardPayment payment = cardPaymentOn(p2, "4.03");
        Client person = payment.person();
        String item = payment.item();
        // .03: the business system (p1's sandbox, for every instance) decides but never answers the
        // first call, which p2 waits 10 s for. Meanwhile the day's reconciliation job runs on p1, finds
        // the decision in the business system's file, and settles the payment there.
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            long started = System.nanoTime();
            Future<Reply> waiting = caller.submit(() -> payment.make(p2, 30));
            Api.eventually(() -> p1.get(person.token(), "v1/items/" + item + "/status"), status -> status.status() == 202, 10_000);
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            check(p1.admin("POST", "jobs/reconciliation", json("date", today)), 202);
            Reply answered = check(waiting.get(60, TimeUnit.SECONDS), 200);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertEquals("PAID", answered.string("status"), answered.toString());
            // p2 itself learns nothing before its own call times out (10 s) and a reconciliation round
            // takes it up (15 s later): an answer before that came from p1's settlement
            assertTrue(seconds < 25, "answered when p1 settled it, " + seconds + " s after the call");
        } finally {
            caller.shutdownNow();
        }
    }

    /** What the load below was answered with success, and so what the cluster promised to keep. */
    private record Acknowledged(Client merchant, Queue<String> created, Queue<String> paid, Map<Integer, Integer> statuses,
                                Queue<String> refusals) {

        Acknowledged(Client merchant) {
            this(merchant, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(), new ConcurrentHashMap<>(),
                    new ConcurrentLinkedQueue<>());
        }
    }

    /** Creates and pays through the balancer from four clients until {@code during} has run. */
    private static Acknowledged underLoad(String notifyPath, Runnable during) throws InterruptedException {
        Client merchant = balancer.client("MERCHANT", null, "USD", null);
        List<Client> payers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            payers.add(balancer.client("PERSON", null, "USD", "100000.00"));
        }
        Acknowledged acknowledged = new Acknowledged(merchant);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(payers.size());
        for (Client payer : payers) {
            clients.execute(() -> {
                while (running.get()) {
                    try {
                        Reply created = balancer.post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1.25"),
                                "currency", "USD", "recipient", payer.username(), "notify_url", RECEIVER.url(notifyPath)));
                        count(acknowledged, created);
                        if (created.status() == 200) {
                            acknowledged.created().add(created.string("id"));
                            Reply paid = balancer.post(payer.token(), "v1/requests/" + created.string("id") + "/pay",
                                    json("account_id", payer.accountId()));
                            count(acknowledged, paid);
                            if (paid.status() == 200) {
                                acknowledged.paid().add(created.string("id"));
                            }
                        }
                    } catch (RuntimeException connectionLost) {
                        if (acknowledged.statuses().merge(0, 1, Integer::sum) == 1) {
                            System.out.println("ClusterIT: the first call under load without an answer: " + connectionLost);
                        }
                    }
                }
            });
        }
        try {
            Api.eventually(() -> acknowledged.paid().size(), n -> n >= 20, 60_000);
            during.run();
            int before = acknowledged.paid().size();
            Api.eventually(() -> acknowledged.paid().size(), n -> n >= before + 20, 60_000);
        } finally {
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(120, TimeUnit.SECONDS), "the clients stopped");
        }
        return acknowledged;
    }

    private static void count(Acknowledged acknowledged, Reply reply) {
        if (acknowledged.statuses().merge(reply.status(), 1, Integer::sum) == 1 && reply.status() >= 400) {
            System.out.println("ClusterIT: the first " + reply.status() + " under load: " + reply.text());
        }
        if (reply.status() >= 500 && (reply.status() != 503 || reply.headers().firstValue("Retry-After").isEmpty())) {
            acknowledged.refusals().add(reply.status() + " " + reply.text());
        }
    }

    /** Every acknowledged create and pay is there in full, the books balance, and every paid callback arrives. */
    private static void assertNothingLost(Acknowledged acknowledged, String notifyPath) throws InterruptedException {
        List<String> lost = new ArrayList<>();
        for (String id : acknowledged.created()) {
            Reply read = balancer.get(acknowledged.merchant().token(), "v1/requests/" + id);
            if (read.status() != 200) {
                lost.add("request " + id + ": " + read);
            } else if (acknowledged.paid().contains(id) && !"paid".equals(read.string("status"))) {
                lost.add("pay of " + id + ": " + read);
            }
        }
        assertEquals(List.of(), lost, lost.size() + " acknowledged operations lost");
        balancer.assertBooksBalance();
        Set<String> expected = Set.copyOf(acknowledged.paid());
        Set<String> notified = Api.eventually(() -> RECEIVER.at(notifyPath).stream()
                        .filter(r -> "paid".equals(r.body().getString("status"))).map(r -> r.body().getString("id"))
                        .collect(Collectors.toSet()),
                ids -> ids.containsAll(expected), 150_000);
        assertTrue(notified.containsAll(expected), "every acknowledged pay's callback arrived; missing: "
                + expected.stream().filter(id -> !notified.contains(id)).toList());
    }

    @Test
    @Order(10)
    void killNineOfOneInstanceUnderLoadLosesNothingAcknowledged() throws Exception {
        Client importer = p2.client("MERCHANT", null, "USD", null);
        Client recipient = p2.client("PERSON", null, "USD", null);
        // .02: the business system approves after 3 s, by which time p2 is dead
        CardPayment payment = cardPaymentOn(p2, "6.02");
        Client person = payment.person();
        String item = payment.item();
        AtomicReference<String> bulkRun = new AtomicReference<>();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        Acknowledged acknowledged;
        try {
            acknowledged = underLoad("/kill", () -> {
                bulkRun.set(CrashIT.bulkImport(p2, importer, recipient));
                caller.submit(() -> payment.make(p2, 30));
                Api.eventually(() -> p1.get(person.token(), "v1/items/" + item + "/status"), status -> status.status() == 202, 10_000);
                CLUSTER.kill("p2");
            });
        } finally {
            caller.shutdownNow();
        }
        System.out.printf("ClusterIT kill -9: %d creates and %d pays acknowledged; answers by status %s%n",
                acknowledged.created().size(), acknowledged.paid().size(), new TreeMap<>(acknowledged.statuses()));
        assertNothingLost(acknowledged, "/kill");
        // what p2 had under way is taken up by p1: its payment in flight by reconciliation, its import by a restart
        Reply settled = Api.eventually(() -> p1.get(person.token(), "v1/items/" + item + "/status"),
                status -> status.status() == 200 && "PAID".equals(status.string("status")), 90_000);
        assertEquals("PAID", check(settled, 200).string("status"), settled.toString());
        CrashIT.assertKilledRunGoesOnFromItsRecords(p1, importer, bulkRun.get());
        CLUSTER.start("p2");
    }

    @Test
    @Order(11)
    void aRollingRestartUnderLoadAnswersNothingButSuccessOrRetriable503() throws InterruptedException {
        Acknowledged acknowledged = underLoad("/rolling", () -> {
            for (String name : List.of("p1", "p2")) {
                CLUSTER.stop(name);
                CLUSTER.start(name);
            }
        });
        System.out.printf("ClusterIT rolling restart: %d creates and %d pays acknowledged; answers by status %s%n",
                acknowledged.created().size(), acknowledged.paid().size(), new TreeMap<>(acknowledged.statuses()));
        assertEquals(List.of(), List.copyOf(acknowledged.refusals()), "no error but 503 with Retry-After");
        assertNothingLost(acknowledged, "/rolling");
    }

    /** Each instance's readiness check of the broker. */
    private static List<String> brokerChecks() {
        return List.of(p1, p2).stream().map(instance -> instance.send("GET", "../health/ready", null, null, Map.of()))
                .map(reply -> reply.status() >= 500 && !reply.text().startsWith("{") ? "?" : reply.json().getJsonArray("checks")
                        .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("name").equals("broker"))
                        .map(c -> c.getString("status")).findFirst().orElse("?"))
                .toList();
    }

    @Test
    @Order(12)
    void aBrokerRestartLosesNoCallback() throws InterruptedException {
        Acknowledged acknowledged = underLoad("/broker", () -> {
            CLUSTER.stop("broker");
            // callbacks are owed all the time under this load: the relay finds the broker gone, and says so
            Api.eventually(ClusterIT::brokerChecks, checks -> checks.contains("DOWN"), 30_000);
            assertTrue(brokerChecks().contains("DOWN"), "readiness reads DOWN while the broker is away");
            CLUSTER.start("broker");
        });
        Api.eventually(ClusterIT::brokerChecks, checks -> checks.equals(List.of("UP", "UP")), 60_000);
        assertEquals(List.of("UP", "UP"), brokerChecks(), "and UP again on both once it is back");
        System.out.printf("ClusterIT broker restart: %d creates and %d pays acknowledged; answers by status %s%n",
                acknowledged.created().size(), acknowledged.paid().size(), new TreeMap<>(acknowledged.statuses()));
        assertNothingLost(acknowledged, "/broker");
    }
}
