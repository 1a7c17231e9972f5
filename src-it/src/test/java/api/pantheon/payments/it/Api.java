package api.pantheon.payments.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The server as a client sees it: HTTP and JSON, nothing else. */
final class Api {

    static final String ADMIN_TOKEN = "it-admin-token";
    static final String BASE = "http://127.0.0.1:" + System.getProperty("payments.it.port", "18080") + "/payments/";

    /**
     * HTTP/1.1, as clients reach the instances behind a balancer. The server speaks no cleartext HTTP/2,
     * and Payara answers a request that asks to upgrade to it (Java's client does, by default, on every
     * new http:// connection) without the answer's Content-Type.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    record Reply(int status, String text, java.net.http.HttpHeaders headers) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                JsonStructure structure = reader.read();
                return structure.asJsonObject();
            }
        }

        String string(String field) {
            return json().getString(field);
        }

        long number(String field) {
            return json().getJsonNumber(field).longValueExact();
        }

        BigDecimal decimal(String field) {
            return json().getJsonNumber(field).bigDecimalValue();
        }

        JsonArray array() {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readArray();
            }
        }

        String errorCode() {
            return json().getJsonObject("error").getString("code");
        }

        String errorKey() {
            return json().getJsonObject("error").getString("key");
        }

        String errorMessage() {
            return json().getJsonObject("error").getString("message");
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    /** Staff writes say why (refunds, deposits, keys, operators); the tests say so on every admin call. */
    static final Map<String, String> STAFF_REASON = Map.of("Audit-Reason", "integration test");

    static Reply send(String method, String path, String authorization, String body, Map<String, String> headers) {
        return LOCAL.send(method, path, authorization, body, headers);
    }

    /**
     * A server to talk to: the suite's own (Arquillian's), or one a test started itself. Every helper
     * below goes through one of these.
     */
    record Server(String base, String adminToken) {

        Reply send(String method, String path, String authorization, String body, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::setHeader);
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.body(), response.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Reply admin(String method, String path, String body) {
            return send(method, "admin/v1/" + path, bearer(adminToken), body, STAFF_REASON);
        }

        Reply post(String token, String path, String body) {
            return send("POST", path, bearer(token), body, Map.of());
        }

        Reply get(String token, String path) {
            return send("GET", path, bearer(token), null, Map.of());
        }

        /** A registered party with a key and, where asked, a funded account. */
        Client client(String kind, String phone, String currency, String deposit) {
            String username = unique(kind.toLowerCase().substring(0, 1));
            String body = phone == null
                    ? "{\"kind\":\"" + kind + "\",\"username\":\"" + username + "\"}"
                    : "{\"kind\":\"" + kind + "\",\"username\":\"" + username + "\",\"phone\":\"" + phone + "\"}";
            Reply party = check(admin("POST", "parties", body), 201);
            String partyId = party.string("id");
            long account = 0;
            if (currency != null) {
                account = openAccount(partyId, currency);
                if (deposit != null) {
                    check(admin("POST", "accounts/" + account + "/deposits", "{\"amount\":" + deposit + "}"), 200);
                }
            }
            Reply key = check(admin("POST", "parties/" + partyId + "/keys", null), 201);
            return new Client(partyId, username, key.string("token"), key.string("signing_secret"), account);
        }

        long openAccount(String partyId, String currency) {
            return check(admin("POST", "parties/" + partyId + "/accounts", "{\"currency\":\"" + currency + "\"}"), 201)
                    .number("id");
        }

        BigDecimal balance(long accountId) {
            return check(admin("GET", "accounts/" + accountId, null), 200).decimal("balance");
        }

        /** The whole check of the books; fails the test, with what disagrees, unless they balance. */
        void assertBooksBalance() {
            Reply books = check(admin("GET", "ledger/trial-balance", null), 200);
            if (!books.json().getBoolean("balanced")) {
                throw new AssertionError("the books do not balance: " + books.text());
            }
        }
    }

    /** The suite's own server, started by Arquillian. */
    static final Server LOCAL = new Server(BASE, ADMIN_TOKEN);

    /** Reads until {@code done} holds or the time is up, and answers the last read for the assertions to judge. */
    static <T> T eventually(Supplier<T> read, Predicate<T> done, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        T last = read.get();
        while (!done.test(last) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            last = read.get();
        }
        return last;
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String basic(String token) {
        return "Basic " + Base64.getEncoder().encodeToString((token + ":").getBytes(StandardCharsets.UTF_8));
    }

    static Reply admin(String method, String path, String body) {
        return LOCAL.admin(method, path, body);
    }

    /** {@code /health/live} or {@code /health/ready}: the server's own, beside the application. */
    static Reply health(String which) {
        return LOCAL.send("GET", "../health/" + which, null, null, Map.of());
    }

    static Reply post(String token, String path, String body) {
        return LOCAL.post(token, path, body);
    }

    static Reply get(String token, String path) {
        return LOCAL.get(token, path);
    }

    /** A registered party with a key and, where asked, a funded account. */
    record Client(String partyId, String username, String token, String signingSecret, long accountId) {
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static Client client(String kind, String phone, String currency, String deposit) {
        return LOCAL.client(kind, phone, currency, deposit);
    }

    static long openAccount(String partyId, String currency) {
        return LOCAL.openAccount(partyId, currency);
    }

    static BigDecimal balance(long accountId) {
        return LOCAL.balance(accountId);
    }

    static Reply check(Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " but got " + reply);
        }
        return reply;
    }

    static String json(Object... keysAndValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            Object value = keysAndValues[i + 1];
            if (value == null) {
                builder.add(key, JsonValue.NULL);
            } else if (value instanceof String text) {
                builder.add(key, text);
            } else if (value instanceof BigDecimal decimal) {
                builder.add(key, decimal);
            } else if (value instanceof Integer number) {
                builder.add(key, number);
            } else if (value instanceof Long number) {
                builder.add(key, number);
            } else if (value instanceof JsonValue json) {
                builder.add(key, json);
            } else {
                throw new IllegalArgumentException(key + ": " + value.getClass());
            }
        }
        return builder.build().toString();
    }
}
