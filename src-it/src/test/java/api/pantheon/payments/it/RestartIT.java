package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.get;
import static api.pantheon.payments.it.Api.json;
import static api.pantheon.payments.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.math.BigDecimal;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stops the server and starts it again on the same data: what was stored is still there, a request
 * that fell due while no server was running expires right after the next start, and a callback whose
 * receiver was down across the restart is delivered once it is up.
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

    private static final String DEPLOYMENT = "payments";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive payments() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("payments.war")));
    }

    @Test
    void keepsDataAndExpiresWhatFellDueWhileDown() throws InterruptedException {
        int receiverPort = freePort();
        String notifyUrl = "http://127.0.0.1:" + receiverPort + "/after-restart";
        deployer.deploy(DEPLOYMENT);
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, "USD", "40.00");
        String paid = PaymentsIT.request(merchant, person.username(), "15.00");
        check(post(person.token(), "v1/requests/" + paid + "/pay", json("account_id", person.accountId())), 200);
        String expiring = check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1.00"),
                "currency", "USD", "recipient", person.username(), "expires_in", 10)), 200).string("id");
        long expires = check(get(merchant.token(), "v1/requests/" + expiring), 200).number("expires");
        // Paid while its receiver is down: the callback cannot be delivered before the stop.
        String owed = check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("2.00"), "currency", "USD",
                "recipient", person.username(), "notify_url", notifyUrl)), 200).string("id");
        check(post(person.token(), "v1/requests/" + owed + "/pay", json("account_id", person.accountId())), 200);
        // A card payment in flight at the stop: the sandbox stays silent on a .03 amount's first call.
        long card = check(Api.admin("POST", "parties/" + person.partyId() + "/accounts", "{\"currency\":\"USD\",\"type\":\"CARD\"}"), 201)
                .number("id");
        String inFlight = PaymentsIT.request(merchant, person.username(), "3.03");
        check(Api.send("PATCH", "v1/items/" + inFlight + "/make_payment", Api.bearer(person.token()),
                "{\"account_id\": " + card + ", \"device_id\": \"d\", \"ip_address\": \"127.0.0.1\", \"wait\": 0}", java.util.Map.of()), 202);
        Thread.sleep(1_500);
        deployer.undeploy(DEPLOYMENT);

        PaymentsIT.sleepUntil(expires * 1000 + 1000);
        long restartedAt = System.currentTimeMillis() / 1000;
        CallbackReceiver receiver = new CallbackReceiver(receiverPort);
        deployer.deploy(DEPLOYMENT);
        try {
            Reply afterRestart = check(get(person.token(), "v1/requests/" + paid), 200);
            assertEquals("paid", afterRestart.string("status"));
            assertEquals(new BigDecimal("23.00"), Api.balance(person.accountId()));
            assertEquals(new BigDecimal("17.00"), Api.balance(merchant.accountId()));

            PaymentsIT.awaitStoredExpiry(merchant.token(), expiring, restartedAt);
            PaymentsIT.assertBooksBalance();

            List<CallbackReceiver.Received> delivered = receiver.await("/after-restart", 1, 45_000);
            assertEquals(1, delivered.size(), "the callback owed across the restart arrived");
            assertEquals(owed, delivered.get(0).body().getString("id"));
            assertEquals("paid", delivered.get(0).body().getString("status"));
            assertTrue(CallbackReceiver.signedWith(merchant.signingSecret(), delivered.get(0).body()));

            Reply item = Api.eventually(() -> get(person.token(), "v1/items/" + inFlight + "/status"),
                    r -> r.status() != 202, 90_000);
            assertEquals(200, item.status(), "the payment in flight at the stop was settled after the start: " + item);
            assertEquals("COMPLETED", item.json().getJsonObject("payment").getString("status"));
            assertEquals(new BigDecimal("20.03"), Api.balance(merchant.accountId()), "paid once");
            PaymentsIT.assertBooksBalance();
        } finally {
            receiver.close();
            deployer.undeploy(DEPLOYMENT);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
