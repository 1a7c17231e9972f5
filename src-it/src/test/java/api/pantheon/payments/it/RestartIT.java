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
 * Stops the server and starts it again on the same data: what was stored is still there, and a
 * request that fell due while no server was running expires right after the next start.
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
        deployer.deploy(DEPLOYMENT);
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, "USD", "40.00");
        String paid = PaymentsIT.request(merchant, person.username(), "15.00");
        check(post(person.token(), "v1/requests/" + paid + "/pay", json("account_id", person.accountId())), 200);
        String expiring = check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1.00"),
                "currency", "USD", "recipient", person.username(), "expires_in", 10)), 200).string("id");
        long expires = check(get(merchant.token(), "v1/requests/" + expiring), 200).number("expires");
        deployer.undeploy(DEPLOYMENT);

        PaymentsIT.sleepUntil(expires * 1000 + 1000);
        long restartedAt = System.currentTimeMillis() / 1000;
        deployer.deploy(DEPLOYMENT);
        try {
            Reply afterRestart = check(get(person.token(), "v1/requests/" + paid), 200);
            assertEquals("paid", afterRestart.string("status"));
            assertEquals(new BigDecimal("25.00"), Api.balance(person.accountId()));
            assertEquals(new BigDecimal("15.00"), Api.balance(merchant.accountId()));

            PaymentsIT.awaitStoredExpiry(merchant.token(), expiring, restartedAt);
            PaymentsIT.assertBooksBalance();
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }
}
