package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.admin;
import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.get;
import static api.pantheon.payments.it.Api.json;
import static api.pantheon.payments.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import api.pantheon.payments.it.CallbackReceiver.Received;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Seed 000: payment requests sent to recipients through the inbox, an HTTP gateway and SMTP, with a
 * real gateway receiver and a real SMTP server in the test JVM, on the ports the build gave the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessagingScenarios {

    private static final String GATEWAY_SECRET = "it-gateway-secret";

    private CallbackReceiver gateway;
    private GreenMail smtp;

    @BeforeAll
    void start() {
        gateway = new CallbackReceiver(Integer.getInteger("payments.it.gateway.port"));
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("payments.it.smtp.port"), "127.0.0.1", "smtp"));
        smtp.start();
    }

    @AfterAll
    void stop() {
        gateway.close();
        smtp.stop();
    }

    private static Client person(String extra) {
        String username = Api.unique("p");
        String phone = "+1415" + (5550000 + (int) (Math.random() * 9999));
        Reply party = check(admin("POST", "parties", "{\"kind\":\"PERSON\",\"username\":\"" + username + "\",\"phone\":\""
                + phone + "\"" + extra + "}"), 201);
        String id = party.string("id");
        long account = Api.openAccount(id, "USD");
        check(admin("POST", "accounts/" + account + "/deposits", "{\"amount\": 100}"), 200);
        Reply key = check(admin("POST", "parties/" + id + "/keys", null), 201);
        return new Client(id, username, key.string("token"), key.string("signing_secret"), account);
    }


    private static Reply requestPayment(Client merchant, String recipient, String channel) {
        return post(merchant.token(), "requestPayment", json("amount", new BigDecimal("7.50"), "currency", "USD",
                "recipient", recipient, "description", "Lunch", "channel", channel));
    }

    private static List<String> deliveryStates(Client merchant, String id) {
        return check(get(merchant.token(), "v1/requests/" + id + "/deliveries"), 200).array().getValuesAs(JsonObject.class)
                .stream().map(d -> d.getString("channel") + ":" + d.getString("state")).toList();
    }

    @Test
    void theInboxShowsPendingRequestsAddressedToTheCaller() {
        Client merchant = Api.client("MERCHANT", null, "USD", null);
        Client person = person("");
        Reply sent = check(requestPayment(merchant, person.username(), "inbox"), 200);
        assertTrue(sent.json().getBoolean("success"));
        assertEquals("inbox", sent.string("channel"));
        assertTrue(sent.json().getBoolean("delivered"));
        String id = sent.string("id");
        JsonArray inbox = check(get(person.token(), "v1/inbox"), 200).array();
        assertEquals(id, inbox.getJsonObject(0).getString("id"));
        assertEquals("Lunch", inbox.getJsonObject(0).getString("description"));
        assertEquals(0, check(get(merchant.token(), "v1/inbox"), 200).array().size());

        check(post(person.token(), "v1/requests/" + id + "/pay", json("account_id", person.accountId())), 200);
        assertFalse(check(get(person.token(), "v1/inbox"), 200).array().getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("id").equals(id)), "a paid request leaves the inbox");
    }

    @Test
    void aGatewayGetsASignedMessageAndFailuresAreRetried() throws InterruptedException {
        Client merchant = Api.client("MERCHANT", null, "USD", null);
        Client person = person("");
        gateway.failFirst("/whatsapp", 1);
        Reply sent = check(requestPayment(merchant, person.username(), "whatsapp"), 200);
        assertEquals("whatsapp", sent.string("channel"));
        String id = sent.string("id");

        Received message = gateway.await("/whatsapp", 1, 15_000).stream()
                .filter(r -> r.body().getString("request_id").equals(id)).findFirst().orElseThrow();
        JsonObject body = message.body();
        assertEquals("whatsapp", body.getString("channel"));
        assertTrue(body.getJsonObject("recipient").getString("phone").startsWith("+1415"));
        assertEquals(person.username(), body.getJsonObject("recipient").getString("username"));
        assertEquals(new BigDecimal("7.50"), body.getJsonNumber("amount").bigDecimalValue());
        assertTrue(body.getString("pay_link").endsWith("/v1/requests/" + id + "/pay"));
        assertTrue(body.getString("text").contains("7.50 USD"), body.getString("text"));
        String[] parts = message.signatureHeader().split(",");
        String t = parts[0].substring(2);
        assertEquals(CallbackReceiver.hmacHex(GATEWAY_SECRET, t + "." + message.rawBody()), parts[1].substring(2));

        assertEquals(List.of("whatsapp:DELIVERED"), Api.eventually(() -> deliveryStates(merchant, id),
                states -> states.contains("whatsapp:DELIVERED"), 5_000));
        JsonArray attempts = check(get(merchant.token(), "v1/requests/" + id + "/callbacks"), 200).array();
        assertEquals(2, attempts.size(), "one failure, then the retry");
    }

    @Test
    void anEmailReachesTheRecipientsAddress() throws Exception {
        Client merchant = Api.client("MERCHANT", null, "USD", null);
        String address = "anna-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Client person = person(",\"email\":\"" + address + "\"");
        Reply sent = check(requestPayment(merchant, person.username(), "email"), 200);
        String id = sent.string("id");
        MimeMessage mail = Api.eventually(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null), found -> found != null, 15_000);
        assertTrue(mail != null, "the mail arrived");
        assertEquals("Payment request: 7.50 USD", mail.getSubject());
        assertTrue(GreenMailUtil.getBody(mail).contains("/v1/requests/" + id + "/pay"));
    }

    @Test
    void aPartysPreferredChannelIsUsedWhenNoneIsGiven() {
        Client merchant = Api.client("MERCHANT", null, "USD", null);
        Client person = person(",\"preferred_channel\":\"whatsapp\"");
        Reply sent = check(post(merchant.token(), "requestPayment", json("amount", new BigDecimal("1.00"), "currency", "USD",
                "recipient", person.username())), 200);
        assertEquals("whatsapp", sent.string("channel"));
    }

    @Test
    void refusesChannelsThatAreUnknownNotConfiguredOrUnreachable() {
        Client merchant = Api.client("MERCHANT", null, "USD", null);
        Client person = person("");
        for (String channel : List.of("pigeon", "sms", "email")) {
            Reply refused = requestPayment(merchant, person.username(), channel);
            assertEquals(400, refused.status(), channel);
            assertTrue(refused.errorMessage().startsWith("channel:"), refused.toString());
        }
        Reply badPreference = admin("POST", "parties", "{\"kind\":\"PERSON\",\"username\":\"" + Api.unique("p")
                + "\",\"preferred_channel\":\"pigeon\"}");
        assertEquals(400, badPreference.status());
        assertTrue(badPreference.errorMessage().startsWith("preferred_channel:"));
    }
}
