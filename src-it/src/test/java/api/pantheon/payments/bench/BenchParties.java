package api.pantheon.payments.bench;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sets up the benchmark's parties through the admin API (merchants, and payers with money) and writes
 * them as a Lua table for the wrk phases of bench.sh ({@code bench/phases.lua}). Only setup: the load
 * itself comes from wrk, a client light enough not to take the server's CPU.
 * Arguments: base URL, admin token, the Lua file to write.
 */
public final class BenchParties {

    private static final int MERCHANTS = 16;
    private static final int PAYERS = 400;

    private record Party(String username, String token, long account) {
        String lua() {
            return "{ username = \"" + username + "\", token = \"" + token + "\", account = " + account + " }";
        }
    }

    private final String root;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BenchParties(String root, String adminToken) {
        this.root = root;
        this.adminToken = adminToken;
    }

    public static void main(String[] args) throws Exception {
        BenchParties setup = new BenchParties(args[0], args[1]);
        List<Party> merchants = setup.parties("MERCHANT", MERCHANTS, null);
        List<Party> payers = setup.parties("PERSON", PAYERS, "1000000.00");
        Files.writeString(Path.of(args[2]), "return {\n  merchants = {\n    " + lua(merchants) + "\n  },\n  payers = {\n    "
                + lua(payers) + "\n  }\n}\n");
        System.out.printf("Set up %d merchants and %d payers%n", merchants.size(), payers.size());
    }

    private static String lua(List<Party> parties) {
        return String.join(",\n    ", parties.stream().map(Party::lua).toList());
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
        HttpResponse<String> response = BenchHttp.send(http, root + path, method, adminToken, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static JsonObject json(String text) {
        return BenchHttp.json(text);
    }
}
