package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.get;
import static api.pantheon.payments.it.Api.json;
import static api.pantheon.payments.it.Api.bearer;
import static api.pantheon.payments.it.Api.post;
import static api.pantheon.payments.it.Api.send;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The hot paths' cost in SQL statements, as the server counts them on the call's own thread
 * ({@code X-SQL-Statements}, on in the test server): a change that adds a round trip to a create, a
 * pay or a transfer fails here, whatever the machine's speed. Counts, not times: times are noise on
 * a shared machine. Nested in {@link PaymentsIT}.
 */
abstract class StatementGuardScenarios {

    /**
     * The most each call may cost now, on H2: what it sends, plus one for the caller's key, looked up
     * again when its 10-second cache entry has just expired, and for a call that writes an event one for
     * a new block of event numbers (at most one a second). Lower them as the paths get cheaper (the
     * targets are 4 for a create and 8 for a pay or a transfer); never raise them quietly.
     */
    static final int CREATE = 4 + 2;
    static final int PAY = 9 + 2;
    static final int TRANSFER = 6 + 1;
    static final int READ = 1 + 1;
    /** A create with an unused Idempotency-Key: the key looked up, and its answer kept in the create's commit. */
    static final int CREATE_WITH_KEY = CREATE + 2;

    private static long statements(Reply reply) {
        return Long.parseLong(reply.headers().firstValue("X-SQL-Statements")
                .orElseThrow(() -> new AssertionError("no X-SQL-Statements on " + reply)));
    }

    /** Each call's count is printed (the benchmark's note reads them) before any is judged. */
    private static String over(int most, Reply reply, String call) {
        long sent = statements(reply);
        System.out.printf("StatementGuard: %s sent %d SQL statements (at most %d)%n", call, sent, most);
        return sent <= most ? "" : call + " sent " + sent + " SQL statements; at most " + most + " are allowed. ";
    }

    @Test
    void createPayTransferAndReadStayWithinTheirStatements() {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "100");
        Client neighbour = client("PERSON", null, "USD", null);
        // warm: the first call of each kind also loads what later calls find ready
        for (int round = 0; round < 2; round++) {
            Reply created = check(post(merchant.token(), "v1/requests", json("amount", new java.math.BigDecimal("2.00"),
                    "currency", "USD", "recipient", payer.username())), 200);
            Reply paid = check(post(payer.token(), "v1/requests/" + created.string("id") + "/pay",
                    json("account_id", payer.accountId())), 200);
            Reply transfer = check(post(payer.token(), "v1/payments", "{\"from\":[{\"amount\":0.25,\"currency\":\"USD\","
                    + "\"account\":{\"id\":" + payer.accountId() + "}}],\"to\":[{\"currency\":\"USD\",\"account\":{\"id\":"
                    + neighbour.accountId() + "}}]}"), 201);
            Reply read = check(get(merchant.token(), "v1/requests/" + created.string("id")), 200);
            Reply keyed = check(send("POST", "v1/requests", bearer(merchant.token()), json("amount", new java.math.BigDecimal("2.00"),
                    "currency", "USD", "recipient", payer.username()), Map.of("Idempotency-Key", UUID.randomUUID().toString())), 200);
            if (round == 1) {
                String over = over(CREATE, created, "create (001)") + over(PAY, paid, "pay (001)")
                        + over(TRANSFER, transfer, "transfer (002)") + over(READ, read, "read (001)")
                        + over(CREATE_WITH_KEY, keyed, "create with an Idempotency-Key (001)");
                assertTrue(over.isEmpty(), over);
            }
        }
    }
}
