package api.pantheon.payments.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmarks' one way to call the server: JSON over HTTP with an optional bearer token. */
final class BenchHttp {

    private static final Pattern METRIC = Pattern.compile("^(\\S+?)(\\{[^}]*\\})?\\s+([0-9.eE+-]+)$");

    private BenchHttp() {
    }

    static HttpResponse<String> send(HttpClient http, String url, String method, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (url.contains("/admin/v1/")) {
            // Staff writes say why; the seeding of a benchmark is its own reason.
            request.header("Audit-Reason", "benchmark seed");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** Reads the server's live threads and used heap from MicroProfile Metrics, keeping the highest seen; answers all it read. */
    static String sample(HttpClient http, String root, AtomicLong threads, AtomicLong heap) {
        try {
            String text = send(http, root + "/metrics", "GET", null, null).body();
            for (String line : text.split("\n")) {
                Matcher m = METRIC.matcher(line.trim());
                if (!m.matches()) {
                    continue;
                }
                long value = (long) Double.parseDouble(m.group(3));
                if (m.group(1).equals("thread_count")) {
                    threads.accumulateAndGet(value, Math::max);
                } else if (m.group(1).equals("memory_usedHeap_bytes")) {
                    heap.accumulateAndGet(value, Math::max);
                }
            }
            return text;
        } catch (Exception ignored) {
            // a missed sample only makes the peak less precise
            return "";
        }
    }

    /** A merchant registered through the admin API, with a USD account and a key: what a benchmark's load runs as. */
    record Merchant(String partyId, long accountId, String token) {
    }

    static Merchant merchant(HttpClient http, String root, String admin, String username) throws Exception {
        HttpResponse<String> made = send(http, root + "/payments/admin/v1/parties", "POST", admin,
                "{\"kind\":\"MERCHANT\",\"username\":\"" + username + "\"}");
        if (made.statusCode() != 201) {
            throw new IllegalStateException("registering " + username + " answered " + made.statusCode() + " " + made.body());
        }
        String party = json(made.body()).getString("id");
        long account = json(send(http, root + "/payments/admin/v1/parties/" + party + "/accounts", "POST", admin,
                "{\"currency\":\"USD\"}").body()).getJsonNumber("id").longValue();
        String token = json(send(http, root + "/payments/admin/v1/parties/" + party + "/keys", "POST", admin, null).body())
                .getString("token");
        return new Merchant(party, account, token);
    }
}
