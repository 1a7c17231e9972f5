package api.pantheon.payments.bench;

import jakarta.json.JsonObject;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bulk import at size: one merchant's file of N requests to 1,000 recipients, uploaded once; it
 * prints the time from upload to the last row, rows per second, and the server's used heap before and
 * at its peak (sampled from /metrics every 250 ms), which shows whether the file is held in memory.
 */
public final class BulkBenchmark {

    private static final int RECIPIENTS = 1_000;

    private BulkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String root = args[0];
        String admin = args[1];
        int rows = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        // Names of this run's own: the benchmark may meet a database that is not empty.
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String token = BenchHttp.merchant(http, root, admin, "bulkshop" + run).token();
        for (int i = 0; i < RECIPIENTS; i++) {
            party(http, root, admin, "PERSON", "m" + run + "x" + i);
        }
        Path file = Files.createTempFile("bulk", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("recipient,amount,currency,description,order,expires_in,notify_url,external_id\n");
            for (int row = 1; row <= rows; row++) {
                out.write("m" + run + "x" + (row % RECIPIENTS) + "," + (1 + row % 500) + "." + (row % 100 < 10 ? "0" : "") + row % 100
                        + ",USD,\"Yearly fee, member " + row + "\",fee-" + row + ",604800,,bulk-" + row + "\n");
            }
        }
        long bytes = Files.size(file);
        AtomicLong threads = new AtomicLong();
        AtomicLong heapBefore = new AtomicLong();
        BenchHttp.sample(http, root, new AtomicLong(), heapBefore);
        AtomicLong peakHeap = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> BenchHttp.sample(http, root, threads, peakHeap), 0, 250, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(root + "/payments/v1/bulk-requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + accepted.statusCode() + " " + accepted.body());
        }
        String id = BenchHttp.json(accepted.body()).getString("id");
        JsonObject status;
        do {
            Thread.sleep(500);
            status = BenchHttp.json(BenchHttp.send(http, root + "/payments/v1/bulk-requests/" + id, "GET", token, null).body());
        } while (status.getString("status").startsWith("start"));
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        Files.delete(file);
        System.out.printf("Bulk import of %,d rows (%.1f MiB file): %s in %.1f s, %.0f rows/s; %d done, %d failed%n", rows,
                bytes / 1048576.0, status.getString("status"), seconds, rows / seconds,
                status.getJsonNumber("rows_done").longValue(), status.getJsonNumber("rows_failed").longValue());
        System.out.printf("  server heap used: %d MiB before, %d MiB at its peak%n", heapBefore.get() / 1048576,
                peakHeap.get() / 1048576);
        System.exit(0);
    }

    private static String party(HttpClient http, String root, String admin, String kind, String username) throws Exception {
        HttpResponse<String> made = BenchHttp.send(http, root + "/payments/admin/v1/parties", "POST", admin,
                "{\"kind\":\"" + kind + "\",\"username\":\"" + username + "\"}");
        if (made.statusCode() != 201) {
            throw new IllegalStateException("registering " + username + " answered " + made.statusCode() + " " + made.body());
        }
        return BenchHttp.json(made.body()).getString("id");
    }
}
