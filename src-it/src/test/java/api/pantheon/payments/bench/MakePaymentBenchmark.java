package api.pantheon.payments.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many clients at once call make payment with {@code wait=30} on the sandbox's slow answer
 * ({@code .02}: approved after 3 s), each on its own connection. Prints completed calls per second,
 * latency percentiles and the server's peak live threads and heap (read from /metrics while it runs).
 *
 * <p>Arguments: server root URL, admin token, number of concurrent calls.
 */
public final class MakePaymentBenchmark {


    public static void main(String[] args) throws Exception {
        String root = args.length > 0 ? args[0] : "http://127.0.0.1:18090";
        String admin = args.length > 1 ? args[1] : "bench-admin-token";
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();

        System.out.printf("%nmake payment: setting up %d items for card holders...%n", calls);
        String merchant = party(http, root, admin, "MERCHANT");
        openAccount(http, root, admin, merchant, "WALLET");
        String merchantToken = key(http, root, admin, merchant);
        int holders = 50;
        List<String[]> cards = new ArrayList<>();
        for (int i = 0; i < holders; i++) {
            String person = party(http, root, admin, "PERSON");
            long card = openAccount(http, root, admin, person, "CARD");
            cards.add(new String[] {usernameOf(http, root, admin, person), key(http, root, admin, person), String.valueOf(card)});
        }
        // The first calls after start-up run while the JIT compiler is still busy, as every other phase's
        // warm-up shows; a round as large as a third of the measured one goes first, unmeasured.
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : calls / 3;
        if (warmUp > 0) {
            System.out.printf("make payment: warming up with %d calls%n", warmUp);
            callAtOnce(http, root, merchantToken, cards, warmUp, new long[warmUp], new int[warmUp]);
        }

        AtomicLong peakThreads = new AtomicLong();
        AtomicLong peakHeap = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> sample(http, root, peakThreads, peakHeap), 0, 250, TimeUnit.MILLISECONDS);
        long[] latencies = new long[calls];
        int[] statuses = new int[calls];
        long start = callAtOnce(http, root, merchantToken, cards, calls, latencies, statuses);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        sample(http, root, peakThreads, peakHeap);

        long ok = Arrays.stream(statuses).filter(s -> s == 200).count();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("make payment: %d concurrent calls, wait=30, sandbox answers after 3 s%n", calls);
        System.out.printf("  answered 200: %d, other: %d, all done in %.2f s, %.0f completed calls/s%n",
                ok, calls - ok, seconds, calls / seconds);
        java.util.Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        Arrays.stream(statuses).forEach(status -> byStatus.merge(status, 1L, Long::sum));
        System.out.println("  answers by HTTP status (-1: no answer): " + byStatus);
        System.out.printf("  latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", sorted[calls / 2] / 1e6,
                sorted[(int) Math.ceil(calls * 0.99) - 1] / 1e6, sorted[calls - 1] / 1e6);
        System.out.printf("  the last answer came %.1f s after the sandbox's 3 s delay (target: within 5 s)%n",
                sorted[calls - 1] / 1e9 - 3);
        System.out.printf("  server: peak live threads %d, peak heap used %d MiB%n", peakThreads.get(), peakHeap.get() / (1024 * 1024));
        System.exit(0);
    }

    /**
     * Creates {@code calls} items for the card holders, then pays them all at once, each call on its own
     * connection; fills in each call's latency and status, and answers when the calls started (nanoTime).
     */
    private static long callAtOnce(HttpClient http, String root, String merchantToken, List<String[]> cards, int calls,
                                   long[] latencies, int[] statuses) throws Exception {
        List<String[]> items = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String[] holder = cards.get(i % cards.size());
            JsonObject created = json(send(http, root + "/payments/v1/requests", "POST", merchantToken,
                    "{\"amount\": 1.02, \"currency\": \"USD\", \"recipient\": \"" + holder[0] + "\", \"expires_in\": 3600}").body());
            items.add(new String[] {created.getString("id"), holder[1], holder[2]});
        }
        HttpClient many = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String[] item = items.get(i);
            int index = i;
            long began = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/payments/v1/items/" + item[0] + "/make_payment"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + item[1]).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"account_id\": " + item[2]
                            + ", \"device_id\": \"bench\", \"ip_address\": \"127.0.0.1\", \"wait\": 30}"))
                    .build();
            pending.add(many.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                latencies[index] = System.nanoTime() - began;
                statuses[index] = failure == null ? response.statusCode() : -1;
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return start;
    }

    private static void sample(HttpClient http, String root, AtomicLong threads, AtomicLong heap) {
        BenchHttp.sample(http, root, threads, heap);
    }

    private static String party(HttpClient http, String root, String admin, String kind) throws Exception {
        String username = kind.toLowerCase().charAt(0) + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return json(send(http, root + "/payments/admin/v1/parties", "POST", admin,
                "{\"kind\":\"" + kind + "\",\"username\":\"" + username + "\"}").body()).getString("id");
    }

    private static String usernameOf(HttpClient http, String root, String admin, String party) throws Exception {
        return json(send(http, root + "/payments/admin/v1/parties/" + party, "GET", admin, null).body()).getString("username");
    }

    private static long openAccount(HttpClient http, String root, String admin, String party, String type) throws Exception {
        return json(send(http, root + "/payments/admin/v1/parties/" + party + "/accounts", "POST", admin,
                "{\"currency\":\"USD\",\"type\":\"" + type + "\"}").body()).getJsonNumber("id").longValue();
    }

    private static String key(HttpClient http, String root, String admin, String party) throws Exception {
        return json(send(http, root + "/payments/admin/v1/parties/" + party + "/keys", "POST", admin, null).body()).getString("token");
    }

    private static HttpResponse<String> send(HttpClient http, String url, String method, String token, String body) throws Exception {
        return BenchHttp.send(http, url, method, token, body);
    }

    private static JsonObject json(String text) {
        return BenchHttp.json(text);
    }
}
