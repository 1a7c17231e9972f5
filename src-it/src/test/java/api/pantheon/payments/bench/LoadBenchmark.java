package api.pantheon.payments.bench;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load against a running server: for a fixed time each, many concurrent clients create payment
 * requests, pay them (each request once, by many different payers) and read the health endpoint.
 * Prints throughput and p50/p99 latency per phase. Started by bench.sh, which starts the server.
 *
 * <p>Arguments: base URL of the server root (e.g. http://127.0.0.1:18090), admin token,
 * connections, seconds per phase.
 */
public final class LoadBenchmark {

    private static final int MERCHANTS = 16;
    private static final int PAYERS = 400;

    private final String root;
    private final String adminToken;
    private final int connections;
    private final Duration phase;
    private final HttpClient http;

    private LoadBenchmark(String root, String adminToken, int connections, Duration phase) {
        this.root = root;
        this.adminToken = adminToken;
        this.connections = connections;
        this.phase = phase;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(connections)).build();
    }

    public static void main(String[] args) throws Exception {
        String root = args.length > 0 ? args[0] : "http://127.0.0.1:18090";
        String admin = args.length > 1 ? args[1] : "bench-admin-token";
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        new LoadBenchmark(root, admin, connections, Duration.ofSeconds(seconds)).run();
        System.exit(0);
    }

    private record Party(String username, String token, long account) {
    }

    private record Created(String id, Party payer) {
    }

    private void run() throws Exception {
        System.out.printf("Setting up %d merchants and %d payers...%n", MERCHANTS, PAYERS);
        List<Party> merchants = parties("MERCHANT", MERCHANTS, null);
        List<Party> payers = parties("PERSON", PAYERS, "1000000.00");
        ConcurrentLinkedQueue<Created> created = new ConcurrentLinkedQueue<>();

        warmUp(merchants, payers);
        System.out.printf("%d connections, %d s per phase%n", connections, phase.toSeconds());
        System.out.println("phase    requests  errors   per-second   p50 ms   p99 ms   max ms");

        report("create", measure(() -> {
            Party merchant = merchants.get(ThreadLocalRandom.current().nextInt(merchants.size()));
            Party payer = payers.get(ThreadLocalRandom.current().nextInt(payers.size()));
            String body = "{\"amount\": 1.25, \"currency\": \"USD\", \"recipient\": \"" + payer.username()
                    + "\", \"expires_in\": 3600, \"order\": \"bench\"}";
            HttpResponse<String> response = send("POST", "/payments/v1/requests", merchant.token(), body);
            if (response.statusCode() == 200) {
                created.add(new Created(json(response.body()).getString("id"), payer));
                return true;
            }
            return false;
        }));

        report("pay", measure(() -> {
            Created request = created.poll();
            if (request == null) {
                return null; // every request created in the first phase is paid: this phase is over
            }
            HttpResponse<String> response = send("POST", "/payments/v1/requests/" + request.id() + "/pay",
                    request.payer().token(), "{\"account_id\": " + request.payer().account() + "}");
            return response.statusCode() == 200;
        }));

        report("health", measure(() -> send("GET", "/health", null, null).statusCode() == 200));
        HttpResponse<String> trial = send("GET", "/payments/admin/v1/ledger/trial-balance", adminToken, null);
        System.out.println("trial balance after the run: " + trial.body());
    }

    /** One call: true when it succeeded, false when it failed, null when there is no more work. */
    private interface Call {
        Boolean run() throws Exception;
    }

    private record Result(long[] latenciesNanos, long errors, Duration elapsed) {
    }

    /** Runs {@code call} from every connection in a closed loop for the phase's duration. */
    private Result measure(Call call) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + phase.toNanos();
        List<long[]> perWorker = new ArrayList<>();
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        for (int w = 0; w < connections; w++) {
            long[] latencies = new long[2_000_000];
            perWorker.add(latencies);
            int worker = w;
            workers.submit(() -> {
                try {
                    while (System.nanoTime() < end && counts[worker] < latencies.length) {
                        long began = System.nanoTime();
                        Boolean ok;
                        try {
                            ok = call.run();
                        } catch (Exception e) {
                            ok = false;
                        }
                        if (ok == null) {
                            break;
                        }
                        if (ok) {
                            latencies[counts[worker]++] = System.nanoTime() - began;
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    finished.accumulateAndGet(System.nanoTime(), Math::max);
                    done.countDown();
                }
            });
        }
        done.await();
        Duration elapsed = Duration.ofNanos(finished.get() - start);
        workers.shutdown();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < connections; w++) {
            System.arraycopy(perWorker.get(w), 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        return new Result(all, errors.get(), elapsed);
    }

    private static void report(String name, Result result) {
        long[] l = result.latenciesNanos();
        double seconds = result.elapsed().toNanos() / 1e9;
        System.out.printf("%-8s %9d %7d %12.0f %8.1f %8.1f %8.1f%n", name, l.length, result.errors(), l.length / seconds,
                percentile(l, 50), percentile(l, 99), l.length == 0 ? 0 : l[l.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** A short untimed round of both calls, so the JIT and the pools are warm when timing starts. */
    private void warmUp(List<Party> merchants, List<Party> payers) throws Exception {
        for (int i = 0; i < 300; i++) {
            Party merchant = merchants.get(i % merchants.size());
            Party payer = payers.get(i % payers.size());
            HttpResponse<String> response = send("POST", "/payments/v1/requests", merchant.token(),
                    "{\"amount\": 0.01, \"currency\": \"USD\", \"recipient\": \"" + payer.username() + "\"}");
            String id = json(response.body()).getString("id");
            send("POST", "/payments/v1/requests/" + id + "/pay", payer.token(), "{\"account_id\": " + payer.account() + "}");
        }
    }

    private List<Party> parties(String kind, int count, String deposit) throws Exception {
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = kind.toLowerCase().charAt(0) + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String id = json(admin("POST", "/payments/admin/v1/parties",
                    "{\"kind\":\"" + kind + "\",\"username\":\"" + username + "\"}")).getString("id");
            long account = json(admin("POST", "/payments/admin/v1/parties/" + id + "/accounts", "{\"currency\":\"USD\"}"))
                    .getJsonNumber("id").longValue();
            if (deposit != null) {
                admin("POST", "/payments/admin/v1/accounts/" + account + "/deposits", "{\"amount\": " + deposit + "}");
            }
            String token = json(admin("POST", "/payments/admin/v1/parties/" + id + "/keys", null)).getString("token");
            parties.add(new Party(username, token, account));
        }
        return parties;
    }

    private String admin(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, path, adminToken, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return BenchHttp.send(http, root + path, method, token, body);
    }

    private static JsonObject json(String text) {
        return BenchHttp.json(text);
    }
}
