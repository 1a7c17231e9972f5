package api.pantheon.payments.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A client's callback endpoint in the test JVM: records every POST, and can fail on purpose. */
final class CallbackReceiver implements AutoCloseable {

    record Received(String path, JsonObject body, String eventIdHeader, String signatureHeader,
                    String webhooksSignatureHeader, String rawBody, long receivedAtMillis) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    CallbackReceiver() {
        this(0);
    }

    /** On a fixed port, for receivers the server is configured with before it starts (gateways). */
    CallbackReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            AtomicInteger failures = failuresLeft.get(path);
            int status = failures != null && failures.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) {
                try (JsonReader reader = Json.createReader(new StringReader(text))) {
                    received.add(new Received(path, reader.readObject(),
                            exchange.getRequestHeaders().getFirst("Payments-Event-Id"),
                            exchange.getRequestHeaders().getFirst("Payments-Signature"),
                            exchange.getRequestHeaders().getFirst("Webhooks-signature"), text, System.currentTimeMillis()));
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void failFirst(String path, int times) {
        failuresLeft.put(path, new AtomicInteger(times));
    }

    List<Received> at(String path) {
        List<Received> matching = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                matching.add(r);
            }
        }
        return matching;
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    /** Waits until {@code path} has at least {@code count} callbacks, or the time is up. */
    List<Received> await(String path, int count, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (at(path).size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        return at(path);
    }

    static String hmacHex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seed 001's signature: hex HMAC-SHA256 of id&transaction_id&order&amount&status&completed. */
    static boolean signedWith(String secret, JsonObject body) {
        String text = String.join("&", body.getString("id"), body.getString("transaction_id", ""),
                body.getString("order", ""), body.getJsonNumber("amount").bigDecimalValue().toPlainString(),
                body.getString("status"), String.valueOf(body.getJsonNumber("completed").longValue()));
        return hmacHex(secret, text).equals(body.getString("signature"));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
