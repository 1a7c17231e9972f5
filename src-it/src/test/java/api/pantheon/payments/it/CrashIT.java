package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import api.pantheon.payments.it.Api.Server;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost to a crash. The README's run command serves load from eight client
 * threads (creating requests with a callback URL, paying them, transferring between wallets) and is
 * killed with SIGKILL at a moment chosen by a seeded random; it is started again on the same data, and
 * the whole is done twice. Then every create, pay and transfer that was answered with success must
 * be there in full, the books must balance account by account, and every paid request's callback
 * must reach its receiver.
 */
class CrashIT {

    private static final int PORT = Integer.getInteger("payments.it.crash.port", 18082);
    private static final int THREADS = 8;
    private static final int ROUNDS = 2;
    /** More than the server imports (about 1,000 rows a second) before the kill, which comes within 4.5 s. */
    private static final int BULK_ROWS = 20_000;

    /** What the server answered with success, and so promised to keep. */
    private final Queue<String> created = new ConcurrentLinkedQueue<>();
    private final Queue<String> paid = new ConcurrentLinkedQueue<>();
    private final Queue<String> transfers = new ConcurrentLinkedQueue<>();

    @Test
    void acknowledgedWorkSurvivesKillNine() throws Exception {
        long seed = Long.getLong("payments.it.crash.seed", System.nanoTime());
        System.out.println("CrashIT seed " + seed + " (rerun with -Dpayments.it.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path data = Files.createDirectories(Path.of("target", "crash-data")).toAbsolutePath();
        try (CallbackReceiver receiver = new CallbackReceiver();
             ServerProcess server = new ServerProcess(PORT, data, Map.of(
                     "PAYMENTS_OUTBOUND_ALLOW_HOSTS", "127.0.0.1",
                     "PAYMENTS_CALLBACKS_RETRY_SCHEDULE", "1s,1s,2s,5s,10s",
                     "PAYMENTS_STOP_GRACE_SECONDS", "2"))) {
            server.start();
            Server api = new Server(server.base(), ServerProcess.ADMIN_TOKEN);
            List<Client> merchants = List.of(api.client("MERCHANT", null, "USD", null), api.client("MERCHANT", null, "USD", null));
            List<Client> payers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                payers.add(api.client("PERSON", null, "USD", "100000.00"));
            }
            String notifyUrl = receiver.url("/crash");
            String bulkRun = bulkImport(api, merchants.get(0), payers.get(0));
            for (int round = 1; round <= ROUNDS; round++) {
                long killAfter = 1_500 + random.nextInt(3_000);
                int before = paid.size() + transfers.size();
                load(api, merchants, payers, notifyUrl, killAfter, server);
                System.out.printf("CrashIT round %d: killed pid %d after %d ms; %d pays and transfers acknowledged this round%n",
                        round, server.pid(), killAfter, paid.size() + transfers.size() - before);
                server.start();
                assertNothingLost(api, merchants.get(0), merchants.get(1));
                if (round == 1) {
                    assertKilledRunGoesOnFromItsRecords(api, merchants.get(0), bulkRun);
                }
            }
            assertTrue(paid.size() > 20 && transfers.size() > 20, "enough work was acknowledged to mean something: "
                    + paid.size() + " pays, " + transfers.size() + " transfers");
            Set<String> notified = awaitCallbacks(receiver, Set.copyOf(paid));
            assertEquals(Set.copyOf(paid), notified, "every acknowledged pay's callback arrived");
            System.out.printf("CrashIT: %d creates, %d pays, %d transfers acknowledged over %d kills; none lost%n",
                    created.size(), paid.size(), transfers.size(), ROUNDS);
        }
    }

    /** A bulk file still importing when the first kill comes. */
    static String bulkImport(Server api, Client merchant, Client payer) {
        StringBuilder file = new StringBuilder("recipient,amount,currency,description,order,expires_in,notify_url,external_id\n");
        for (int row = 1; row <= BULK_ROWS; row++) {
            file.append(payer.username()).append(",1.00,USD,,,,,crash-").append(row).append('\n');
        }
        String runId = check(api.send("POST", "v1/bulk-requests", Api.bearer(merchant.token()), file.toString(),
                Map.of("Content-Type", "text/csv")), 202).string("id");
        // under way, so that the kill falls between its first checkpoint and its end
        Api.eventually(() -> check(api.admin("GET", "jobs/" + runId, null), 200), run -> run.number("rows_done") > 0, 30_000);
        return runId;
    }

    /**
     * The killed instance's run is failed by the living one (it would never end by itself), and a
     * restart goes on from the rows it had recorded: every row once, none twice.
     */
    static void assertKilledRunGoesOnFromItsRecords(Server api, Client merchant, String runId) {
        Reply orphaned = Api.eventually(() -> check(api.admin("GET", "jobs/" + runId, null), 200),
                run -> !run.string("status").startsWith("STAR"), 60_000);
        assertEquals("FAILED", orphaned.string("status"), orphaned.toString());
        assertTrue(orphaned.string("outcome").startsWith("its instance stopped"), orphaned.toString());
        check(api.admin("POST", "jobs/" + runId + "/restart", null), 202);
        Reply done = Api.eventually(() -> check(api.admin("GET", "jobs/" + runId, null), 200),
                run -> !List.of("STARTING", "STARTED", "STOPPING").contains(run.string("status")), 120_000);
        assertEquals("COMPLETED", done.string("status"), done.toString());
        String results = check(api.get(merchant.token(), "v1/bulk-requests/" + runId + "/results"), 200).text();
        List<String> lines = results.lines().skip(1).toList();
        assertEquals(BULK_ROWS, lines.size(), "one line per row");
        assertEquals(BULK_ROWS, lines.stream().map(line -> line.split(",")[2]).filter(id -> id.length() == 36).distinct().count(),
                "every row made its own request once");
        System.out.printf("CrashIT: the bulk import killed at %d of %d rows went on after a restart; every row once%n",
                orphaned.number("rows_done"), BULK_ROWS);
    }

    /** Load from {@link #THREADS} clients until the server is killed {@code killAfter} ms into it. */
    private void load(Server api, List<Client> merchants, List<Client> payers, String notifyUrl, long killAfter,
                      ServerProcess server) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        for (int i = 0; i < THREADS; i++) {
            Client payer = payers.get(i);
            Client merchant = merchants.get(i % merchants.size());
            Client neighbour = payers.get((i + 1) % THREADS);
            clients.execute(() -> {
                while (running.get()) {
                    try {
                        work(api, merchant, payer, neighbour, notifyUrl);
                    } catch (RuntimeException connectionLost) {
                        // the kill: whatever had no answer was never acknowledged
                    }
                }
            });
        }
        Thread.sleep(killAfter);
        server.kill();
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients stopped");
    }

    private void work(Server api, Client merchant, Client payer, Client neighbour, String notifyUrl) {
        Reply request = api.post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1.25"), "currency", "USD",
                "recipient", payer.username(), "notify_url", notifyUrl));
        if (request.status() != 200) {
            return;
        }
        String id = request.string("id");
        created.add(id);
        Reply pay = api.post(payer.token(), "v1/requests/" + id + "/pay", json("account_id", payer.accountId()));
        if (pay.status() == 200) {
            paid.add(id);
        }
        Reply transfer = api.post(payer.token(), "v1/payments", "{\"from\":[{\"amount\":0.25,\"currency\":\"USD\",\"account\":{\"id\":"
                + payer.accountId() + "}}],\"to\":[{\"currency\":\"USD\",\"account\":{\"id\":" + neighbour.accountId() + "}}]}");
        if (transfer.status() == 201) {
            transfers.add(transfer.string("id"));
        }
    }

    /** Everything acknowledged is there in full, and the books balance; all that is missing is named at once. */
    private void assertNothingLost(Server api, Client... merchants) {
        List<String> lost = new ArrayList<>();
        for (String id : created) {
            Reply read = readAsAnyOf(api, id, merchants);
            if (read.status() != 200) {
                lost.add("request " + id + ": " + read);
            } else if (paid.contains(id) && !paidInFull(api, read)) {
                lost.add("pay of " + id + ": " + read);
            }
        }
        for (String id : transfers) {
            Reply transfer = api.admin("GET", "payments/" + id, null);
            if (transfer.status() != 200 || !transfer.string("status").equals("COMPLETED")
                    || !transfer.json().containsKey("ledger_transaction_id")) {
                lost.add("transfer " + id + ": " + transfer);
            }
        }
        assertEquals(List.of(), lost, lost.size() + " acknowledged operations lost");
        api.assertBooksBalance();
    }

    private static boolean paidInFull(Server api, Reply request) {
        if (!"paid".equals(request.string("status"))) {
            return false;
        }
        Reply payment = api.admin("GET", "payments/" + request.string("transaction_id"), null);
        return payment.status() == 200 && "COMPLETED".equals(payment.string("status"));
    }

    private static Reply readAsAnyOf(Server api, String id, Client... merchants) {
        Reply read = null;
        for (Client merchant : merchants) {
            read = api.get(merchant.token(), "v1/requests/" + id);
            if (read.status() == 200) {
                return read;
            }
        }
        return read;
    }

    /** The ids whose paid callback has arrived, once all have or a minute has passed. */
    private static Set<String> awaitCallbacks(CallbackReceiver receiver, Set<String> expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        Set<String> notified;
        do {
            notified = receiver.at("/crash").stream().filter(r -> "paid".equals(r.body().getString("status")))
                    .map(r -> r.body().getString("id")).filter(expected::contains).collect(Collectors.toSet());
        } while (!notified.containsAll(expected) && System.currentTimeMillis() < deadline && sleep());
        return notified;
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }
}
