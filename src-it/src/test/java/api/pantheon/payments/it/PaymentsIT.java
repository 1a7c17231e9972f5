package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.admin;
import static api.pantheon.payments.it.Api.basic;
import static api.pantheon.payments.it.Api.bearer;
import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static api.pantheon.payments.it.Api.get;
import static api.pantheon.payments.it.Api.json;
import static api.pantheon.payments.it.Api.post;
import static api.pantheon.payments.it.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import api.pantheon.payments.it.Api.Reply;
import jakarta.json.JsonObject;
import java.io.File;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built WAR on a real Payara Micro, started once for all of these: provisioning, dialect 001
 * end to end, every validation rule, idempotency and concurrency. Tests call it over HTTP only.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentsIT {

    @Deployment(testable = false)
    static WebArchive payments() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("payments.war")));
    }

    static final String SEED_EXAMPLE = "{\"amount\": 10.99,\"currency\": \"USD\",\"description\": \"T-shirt\","
            + "\"image_url\": \"https://upload.wikimedia.org/wikipedia/en/a/a9/Example.jpg\",\"order\": \"abc123\","
            + "\"recipient\": \"%s\",\"terminal\": 1,\"expires_in\": 90,\"notify_url\": \"https://example.com/notification\"}";

    static String request(Client merchant, String recipient, String amount) {
        Reply created = post(merchant.token(), "v1/requests",
                json("amount", new BigDecimal(amount), "currency", "USD", "recipient", recipient));
        check(created, 200);
        return created.string("id");
    }

    @Nested
    class Provisioning {

        @Test
        void registersPartiesAndRefusesATakenUsernameOrPhone() {
            String username = Api.unique("m");
            Reply created = admin("POST", "parties", json("kind", "MERCHANT", "username", username,
                    "phone", "+1 (415) 555-0" + (100 + (int) (Math.random() * 800)), "display_name", "Acme"));
            check(created, 201);
            assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith(created.string("id")));
            assertEquals(username, created.string("username"));
            assertTrue(created.string("phone").matches("\\+1415555\\d{4}"), created.toString());

            Reply sameName = admin("POST", "parties", json("kind", "PERSON", "username", username.toUpperCase()));
            assertEquals(409, sameName.status());
            assertEquals("party_exists", sameName.errorKey());
            String national = created.string("phone").substring(2);
            Reply samePhone = admin("POST", "parties", json("kind", "PERSON", "username", Api.unique("p"), "phone", national));
            assertEquals(409, samePhone.status(), "the same number written without country code is the same phone");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "{\"kind\":\"ROBOT\",\"username\":\"robot1\"}|kind",
                "{\"kind\":\"PERSON\"}|username",
                "{\"kind\":\"PERSON\",\"username\":\"1abc\"}|username",
                "{\"kind\":\"PERSON\",\"username\":\"ok_name\",\"phone\":\"12\"}|phone",
                "{\"username\":\"nokind\"}|kind",
                "[1,2]|request body"})
        void refusesInvalidParties(String body, String field) {
            Reply refused = admin("POST", "parties", body);
            assertEquals(400, refused.status(), refused.toString());
            assertEquals("400", refused.errorCode());
            assertTrue(refused.errorMessage().startsWith(field + ":"), refused.toString());
        }

        @Test
        void opensAccountsDepositsAndReadsThem() {
            Client person = client("PERSON", null, null, null);
            long account = Api.openAccount(person.partyId(), "USD");
            assertTrue(account > 0);
            Reply read = check(admin("GET", "accounts/" + account, null), 200);
            assertEquals(person.partyId(), read.string("party_id"));
            assertEquals("USD", read.string("currency"));
            assertEquals(0, read.decimal("balance").signum());

            Reply deposited = check(admin("POST", "accounts/" + account + "/deposits", "{\"amount\": 25.50}"), 200);
            assertEquals(new BigDecimal("25.50"), deposited.decimal("balance"));
            check(admin("POST", "accounts/" + account + "/deposits", "{\"amount\": 0.5}"), 200);
            assertEquals(new BigDecimal("26.00"), Api.balance(account));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"amount\": 1.001}", "{\"amount\": 0}", "{\"amount\": -5}", "{\"amount\": \"5\"}", "{}"})
        void refusesInvalidDeposits(String body) {
            Client person = client("PERSON", null, "USD", null);
            Reply refused = admin("POST", "accounts/" + person.accountId() + "/deposits", body);
            assertEquals(400, refused.status(), refused.toString());
            assertTrue(refused.errorMessage().startsWith("amount:"), refused.toString());
            assertEquals(0, Api.balance(person.accountId()).signum());
        }

        @Test
        void aKronaAccountTakesNoDecimalsAndADinarThree() {
            Client person = client("PERSON", null, null, null);
            long krona = Api.openAccount(person.partyId(), "ISK");
            long dinar = Api.openAccount(person.partyId(), "BHD");
            assertEquals(400, admin("POST", "accounts/" + krona + "/deposits", "{\"amount\": 10.5}").status());
            check(admin("POST", "accounts/" + krona + "/deposits", "{\"amount\": 1500}"), 200);
            check(admin("POST", "accounts/" + dinar + "/deposits", "{\"amount\": 1.125}"), 200);
            assertEquals(new BigDecimal("1500"), Api.balance(krona));
            assertEquals(new BigDecimal("1.125"), Api.balance(dinar));
        }

        @Test
        void refusesUnknownPartiesAccountsAndCurrencies() {
            assertEquals(404, admin("POST", "parties/" + UUID.randomUUID() + "/accounts", "{\"currency\":\"USD\"}").status());
            assertEquals(404, admin("GET", "accounts/999999999", null).status());
            assertEquals(404, admin("POST", "parties/" + UUID.randomUUID() + "/keys", null).status());
            Client person = client("PERSON", null, null, null);
            Reply unsupported = admin("POST", "parties/" + person.partyId() + "/accounts", "{\"currency\":\"CHF\"}");
            assertEquals(400, unsupported.status());
            assertTrue(unsupported.errorMessage().startsWith("currency:"));
        }

        @Test
        void theAdminApiTakesOnlyTheOperatorsToken() {
            Client merchant = client("MERCHANT", null, null, null);
            for (String authorization : new String[] {null, bearer("wrong"), bearer(merchant.token()), basic(Api.ADMIN_TOKEN + "x")}) {
                Reply refused = send("GET", "admin/v1/ledger/trial-balance", authorization, null, Map.of());
                assertEquals(401, refused.status(), String.valueOf(authorization));
                assertEquals("operator_only", refused.errorKey());
            }
        }

        @Test
        void issuedTokensAuthenticateAndAreNotShownAgain() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Reply second = check(admin("POST", "parties/" + merchant.partyId() + "/keys", null), 201);
            assertNotEquals(merchant.token(), second.string("token"));
            assertNotEquals(merchant.signingSecret(), second.string("signing_secret"));
            assertFalse(check(admin("GET", "parties/" + merchant.partyId(), null), 200).text().contains(merchant.token()));
            String id = request(merchant, client("PERSON", null, null, null).username(), "1.00");
            check(get(second.string("token"), "v1/requests/" + id), 200);
        }
    }

    @Nested
    class PaymentRequests001 {

        @Test
        void theSeedsExampleCreatesAPendingRequestThatReadsAsDocumented() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", "+1415" + (5550000 + (int) (Math.random() * 9999)), null, null);
            long before = Instant.now().getEpochSecond();
            Reply created = post(merchant.token(), "v1/requests", String.format(SEED_EXAMPLE, person.username()));
            check(created, 200);
            assertTrue(created.json().getBoolean("success"));
            String id = created.string("id");
            assertEquals(id, UUID.fromString(id).toString());
            long createdAt = created.number("created");
            assertTrue(Math.abs(createdAt - before) <= 2, created.toString());

            JsonObject request = check(get(merchant.token(), "v1/requests/" + id), 200).json();
            assertEquals(id, request.getString("id"));
            assertFalse(request.containsKey("transaction_id"), "only issued once paid");
            assertEquals(new BigDecimal("10.99"), request.getJsonNumber("amount").bigDecimalValue());
            assertEquals("USD", request.getString("currency"));
            assertEquals("T-shirt", request.getString("description"));
            assertEquals("https://upload.wikimedia.org/wikipedia/en/a/a9/Example.jpg", request.getString("image_url"));
            assertEquals("pending", request.getString("status"));
            assertEquals("abc123", request.getString("order"));
            assertEquals(createdAt, request.getJsonNumber("created").longValue());
            assertEquals(createdAt, request.getJsonNumber("updated").longValue());
            assertEquals(createdAt + 90, request.getJsonNumber("expires").longValue());

            JsonObject status = check(get(person.token(), "v1/requests/" + id + "/status"), 200).json();
            assertEquals(Set.of("id", "status", "expires"), status.keySet());
            assertEquals("pending", status.getString("status"));
            assertEquals(createdAt + 90, status.getJsonNumber("expires").longValue());
        }

        @Test
        void findsTheRecipientByUsernameOrByPhoneWrittenAnyWay() {
            Client merchant = client("MERCHANT", null, "USD", null);
            String national = "415" + (5550000 + (int) (Math.random() * 9999));
            Client person = client("PERSON", "+1" + national, null, null);
            for (String recipient : List.of(person.username(), person.username().toUpperCase(), "+1" + national,
                    "1" + national, national, "(" + national.substring(0, 3) + ") " + national.substring(3))) {
                String id = request(merchant, recipient, "1.00");
                check(get(person.token(), "v1/requests/" + id), 200);
            }
        }

        @Test
        void answersTheSeedsErrorsForRecipients() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Reply unknown = post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1"), "currency", "USD",
                    "recipient", "nobody" + UUID.randomUUID().toString().substring(0, 8)));
            assertEquals(422, unknown.status());
            assertFalse(unknown.json().getBoolean("success"));
            assertEquals("200", unknown.errorCode());
            assertEquals("recipient_not_found", unknown.errorKey());
            assertEquals("Recipient not found", unknown.errorMessage());

            Reply self = post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1"), "currency", "USD",
                    "recipient", merchant.username()));
            assertEquals(422, self.status());
            assertEquals("201", self.errorCode());
            assertEquals("merchant_cannot_be_recipient", self.errorKey());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "{\"amount\": 10.999, \"currency\": \"USD\"}|amount",
                "{\"amount\": 10.5, \"currency\": \"ISK\"}|amount",
                "{\"amount\": 0, \"currency\": \"USD\"}|amount",
                "{\"amount\": -1, \"currency\": \"USD\"}|amount",
                "{\"amount\": \"10\", \"currency\": \"USD\"}|amount",
                "{\"currency\": \"USD\"}|amount",
                "{\"amount\": 10, \"currency\": \"XYZ\"}|currency",
                "{\"amount\": 10, \"currency\": \"CHF\"}|currency",
                "{\"amount\": 10}|currency",
                "{\"amount\": 10, \"currency\": \"EUR\"}|currency",
                "{\"amount\": 10, \"currency\": \"USD\", \"expires_in\": 9}|expires_in",
                "{\"amount\": 10, \"currency\": \"USD\", \"expires_in\": 604801}|expires_in",
                "{\"amount\": 10, \"currency\": \"USD\", \"expires_in\": 1.5}|expires_in",
                "{\"amount\": 10, \"currency\": \"USD\", \"notify_url\": \"ftp://example.com/x\"}|notify_url",
                "{\"amount\": 10, \"currency\": \"USD\", \"notify_url\": \"/relative\"}|notify_url",
                "{\"amount\": 10, \"currency\": \"USD\", \"image_url\": \"javascript:alert(1)\"}|image_url",
                "{\"amount\": 10, \"currency\": \"USD\", \"terminal\": \"one\"}|terminal",
                "{\"amount\": 10, \"currency\": \"USD\", \"order\": 5}|order"})
        void refusesInvalidDataNamingTheField(String partial, String field) {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, null, null);
            String body = partial.substring(0, partial.length() - 1) + ", \"recipient\": \"" + person.username() + "\"}";
            Reply refused = post(merchant.token(), "v1/requests", body);
            assertEquals(400, refused.status(), refused.toString());
            assertFalse(refused.json().getBoolean("success"));
            assertEquals("400", refused.errorCode());
            assertEquals("invalid_data", refused.errorKey());
            assertTrue(refused.errorMessage().startsWith(field + ":"), refused.toString());
        }

        @Test
        void refusesOverlongTextMissingRecipientAndMalformedJson() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, null, null);
            Reply tooLong = post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1"), "currency", "USD",
                    "recipient", person.username(), "description", "x".repeat(256)));
            assertEquals(400, tooLong.status());
            assertTrue(tooLong.errorMessage().startsWith("description:"));
            Reply noRecipient = post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1"), "currency", "USD"));
            assertEquals(400, noRecipient.status());
            assertTrue(noRecipient.errorMessage().startsWith("recipient:"));
            Reply malformed = post(merchant.token(), "v1/requests", "{\"amount\": 10,");
            assertEquals(400, malformed.status());
            assertEquals("invalid_data", malformed.errorKey());
            assertFalse(malformed.text().contains("Exception"), malformed.text());
        }

        @Test
        void refusesAnAmountAboveTheCurrencysLimit() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, null, null);
            check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("50000"), "currency", "USD",
                    "recipient", person.username())), 200);
            Reply refused = post(merchant.token(), "v1/requests", json("amount", new BigDecimal("50000.01"),
                    "currency", "USD", "recipient", person.username()));
            assertEquals(422, refused.status());
            assertEquals("301", refused.errorCode());
            assertEquals("payment_exceeds_limits", refused.errorKey());
        }

        @Test
        void acceptsTheBoundsOfExpiresIn() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, null, null);
            for (long seconds : new long[] {10, 604_800}) {
                Reply created = check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("1"),
                        "currency", "USD", "recipient", person.username(), "expires_in", seconds)), 200);
                Reply read = check(get(merchant.token(), "v1/requests/" + created.string("id")), 200);
                assertEquals(read.number("created") + seconds, read.number("expires"));
            }
        }

        @Test
        void authenticatesWithBasicOrBearerAndRefusesEverythingElse() {
            Client merchant = client("MERCHANT", null, "USD", null);
            String id = request(merchant, client("PERSON", null, null, null).username(), "2.00");
            check(send("GET", "v1/requests/" + id, basic(merchant.token()), null, Map.of()), 200);
            check(send("GET", "v1/requests/" + id, bearer(merchant.token()), null, Map.of()), 200);
            for (String authorization : new String[] {null, bearer("pt_wrong"), basic("pt_wrong"), "Basic !!!", "Token x",
                    bearer(Api.ADMIN_TOKEN)}) {
                Reply refused = send("GET", "v1/requests/" + id, authorization, null, Map.of());
                assertEquals(401, refused.status(), String.valueOf(authorization));
                assertEquals("100", refused.errorCode());
                assertEquals("merchant_not_found", refused.errorKey());
                assertTrue(refused.headers().firstValue("WWW-Authenticate").isPresent());
            }
            Reply create = send("POST", "v1/requests", null, "{}", Map.of());
            assertEquals(401, create.status());
        }

        @Test
        void aRequestIsInvisibleToEveryoneButItsParties() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client stranger = client("PERSON", null, "USD", "100");
            String id = request(merchant, client("PERSON", null, null, null).username(), "2.00");
            for (String path : List.of("v1/requests/" + id, "v1/requests/" + id + "/status")) {
                Reply hidden = get(stranger.token(), path);
                assertEquals(404, hidden.status());
                assertEquals("300", hidden.errorCode());
                assertEquals("payment_not_found", hidden.errorKey());
            }
            for (String action : List.of("pay", "reject", "cancel")) {
                Reply hidden = post(stranger.token(), "v1/requests/" + id + "/" + action,
                        json("account_id", stranger.accountId()));
                assertEquals(404, hidden.status(), action);
            }
            assertEquals(404, get(stranger.token(), "v1/requests/" + UUID.randomUUID()).status());
            assertEquals(404, get(stranger.token(), "v1/requests/not-a-uuid").status());
        }

        @Test
        void theRecipientPaysAndMoneyMovesExactlyOnce() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, "USD", "100.00");
            String id = request(merchant, person.username(), "10.99");

            Reply paid = check(post(person.token(), "v1/requests/" + id + "/pay", json("account_id", person.accountId())), 200);
            assertEquals("paid", paid.string("status"));
            String transaction = paid.string("transaction_id");
            assertEquals(transaction, UUID.fromString(transaction).toString());
            assertEquals(new BigDecimal("89.01"), Api.balance(person.accountId()));
            assertEquals(new BigDecimal("10.99"), Api.balance(merchant.accountId()));

            Reply seen = check(get(merchant.token(), "v1/requests/" + id), 200);
            assertEquals("paid", seen.string("status"));
            assertEquals(transaction, seen.string("transaction_id"));
            assertTrue(seen.number("updated") >= seen.number("created"));

            Reply again = post(person.token(), "v1/requests/" + id + "/pay", json("account_id", person.accountId()));
            assertEquals(409, again.status());
            assertEquals("payment_not_pending", again.errorKey());
            assertEquals(new BigDecimal("89.01"), Api.balance(person.accountId()));
        }

        @Test
        void insufficientFundsMoveNothing() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, "USD", "5.00");
            String id = request(merchant, person.username(), "5.01");
            Reply refused = post(person.token(), "v1/requests/" + id + "/pay", json("account_id", person.accountId()));
            assertEquals(422, refused.status());
            assertEquals("302", refused.errorCode());
            assertEquals("insufficient_funds", refused.errorKey());
            assertEquals(new BigDecimal("5.00"), Api.balance(person.accountId()));
            assertEquals(0, Api.balance(merchant.accountId()).signum());
            assertEquals("pending", check(get(person.token(), "v1/requests/" + id), 200).string("status"));
        }

        @Test
        void refusesAWrongAccountOrCurrencyOrPayer() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, "USD", "50");
            Client other = client("PERSON", null, "USD", "50");
            long euros = Api.openAccount(person.partyId(), "EUR");
            check(admin("POST", "accounts/" + euros + "/deposits", "{\"amount\": 50}"), 200);
            String id = request(merchant, person.username(), "5.00");

            Reply mismatch = post(person.token(), "v1/requests/" + id + "/pay", json("account_id", euros));
            assertEquals(422, mismatch.status());
            assertEquals("currency_mismatch", mismatch.errorKey());
            Reply notMine = post(person.token(), "v1/requests/" + id + "/pay", json("account_id", other.accountId()));
            assertEquals(400, notMine.status());
            assertTrue(notMine.errorMessage().startsWith("account_id:"));
            Reply missing = post(person.token(), "v1/requests/" + id + "/pay", "{}");
            assertEquals(400, missing.status());
            Reply requester = post(merchant.token(), "v1/requests/" + id + "/pay", json("account_id", merchant.accountId()));
            assertEquals(403, requester.status());
            assertEquals("action_not_allowed", requester.errorKey());
            assertEquals(new BigDecimal("50.00"), Api.balance(person.accountId()));
            assertEquals(new BigDecimal("50.00"), Api.balance(euros));
            assertEquals(new BigDecimal("50.00"), Api.balance(other.accountId()));
        }

        @Test
        void theRecipientRejectsAndThenNothingCanBePaid() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, "USD", "50");
            String id = request(merchant, person.username(), "5.00");
            assertEquals(403, post(merchant.token(), "v1/requests/" + id + "/reject", null).status());
            Reply rejected = check(post(person.token(), "v1/requests/" + id + "/reject", null), 200);
            assertEquals("rejected", rejected.string("status"));
            assertEquals("rejected", check(get(merchant.token(), "v1/requests/" + id + "/status"), 200).string("status"));
            Reply pay = post(person.token(), "v1/requests/" + id + "/pay", json("account_id", person.accountId()));
            assertEquals(409, pay.status());
            assertEquals(409, post(merchant.token(), "v1/requests/" + id + "/cancel", null).status());
            assertEquals(new BigDecimal("50.00"), Api.balance(person.accountId()));
        }

        @Test
        void theRequesterCancels() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, "USD", "50");
            String id = request(merchant, person.username(), "5.00");
            assertEquals(403, post(person.token(), "v1/requests/" + id + "/cancel", null).status());
            Reply cancelled = check(post(merchant.token(), "v1/requests/" + id + "/cancel", null), 200);
            assertEquals("rejected", cancelled.string("status"));
            assertEquals(409, post(person.token(), "v1/requests/" + id + "/pay", json("account_id", person.accountId())).status());
        }

        @Test
        void aRequestExpiresOnTimeAndCannotBePaidAfter() throws InterruptedException {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, "USD", "50");
            Reply created = check(post(merchant.token(), "v1/requests", json("amount", new BigDecimal("5"),
                    "currency", "USD", "recipient", person.username(), "expires_in", 10)), 200);
            String id = created.string("id");
            long expires = check(get(person.token(), "v1/requests/" + id + "/status"), 200).number("expires");
            assertEquals("pending", check(get(person.token(), "v1/requests/" + id), 200).string("status"));

            sleepUntil(expires * 1000 + 1000);
            Reply status = check(get(person.token(), "v1/requests/" + id + "/status"), 200);
            assertEquals("rejected", status.string("status"));
            Reply pay = post(person.token(), "v1/requests/" + id + "/pay", json("account_id", person.accountId()));
            assertEquals(409, pay.status());
            assertEquals("payment_expired", pay.errorKey());
            assertEquals(new BigDecimal("50.00"), Api.balance(person.accountId()));
            awaitStoredExpiry(person.token(), id, expires);
        }

        @Test
        void unknownPathsAndMethodsAnswerInTheEnvelope() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Reply missing = get(merchant.token(), "v1/nothing-here");
            assertEquals(404, missing.status());
            assertEquals("not_found", missing.errorKey());
            Reply method = send("DELETE", "v1/requests", bearer(merchant.token()), null, Map.of());
            assertEquals(405, method.status());
            assertEquals("method_not_allowed", method.errorKey());
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswer() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, "USD", "20");
            String body = json("amount", new BigDecimal("3.00"), "currency", "USD", "recipient", person.username());
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            Reply first = check(send("POST", "v1/requests", bearer(merchant.token()), body, key), 200);
            Reply retry = check(send("POST", "v1/requests", bearer(merchant.token()), body, key), 200);
            assertEquals(first.text(), retry.text());
            assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));

            String id = first.string("id");
            Map<String, String> payKey = Map.of("Idempotency-Key", "pay-" + id);
            String pay = json("account_id", person.accountId());
            Reply paid = check(send("POST", "v1/requests/" + id + "/pay", bearer(person.token()), pay, payKey), 200);
            Reply repaid = check(send("POST", "v1/requests/" + id + "/pay", bearer(person.token()), pay, payKey), 200);
            assertEquals(paid.text(), repaid.text());
            assertEquals(new BigDecimal("17.00"), Api.balance(person.accountId()));
        }

        @Test
        void theSameKeyWithAnotherBodyIsRefused() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, null, null);
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            check(send("POST", "v1/requests", bearer(merchant.token()),
                    json("amount", new BigDecimal("3.00"), "currency", "USD", "recipient", person.username()), key), 200);
            Reply other = send("POST", "v1/requests", bearer(merchant.token()),
                    json("amount", new BigDecimal("4.00"), "currency", "USD", "recipient", person.username()), key);
            assertEquals(422, other.status());
            assertEquals("idempotency_key_reused", other.errorKey());
        }

        @Test
        void keysAreScopedPerClientAndErrorsAreReplayedToo() {
            Client first = client("MERCHANT", null, "USD", null);
            Client second = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, null, null);
            Map<String, String> key = Map.of("Idempotency-Key", "shared-key");
            String body = json("amount", new BigDecimal("3.00"), "currency", "USD", "recipient", person.username());
            Reply a = check(send("POST", "v1/requests", bearer(first.token()), body, key), 200);
            Reply b = check(send("POST", "v1/requests", bearer(second.token()), body, key), 200);
            assertNotEquals(a.string("id"), b.string("id"));

            Map<String, String> badKey = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            String bad = json("amount", new BigDecimal("3.001"), "currency", "USD", "recipient", person.username());
            Reply refused = send("POST", "v1/requests", bearer(first.token()), bad, badKey);
            Reply refusedAgain = send("POST", "v1/requests", bearer(first.token()), bad, badKey);
            assertEquals(400, refused.status());
            assertEquals(refused.text(), refusedAgain.text());
        }

        @Test
        void concurrentRetriesCreateOneRequest() throws Exception {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, null, null);
            String body = json("amount", new BigDecimal("3.00"), "currency", "USD", "recipient", person.username());
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            List<Reply> replies = concurrently(10, () -> send("POST", "v1/requests", bearer(merchant.token()), body, key));
            Set<String> ids = replies.stream().filter(r -> r.status() == 200).map(r -> r.string("id")).collect(Collectors.toSet());
            assertEquals(1, ids.size(), replies.toString());
            assertTrue(replies.stream().allMatch(r -> r.status() == 200 || r.status() == 409
                    && "idempotency_in_flight".equals(r.errorKey())), replies.toString());
        }

        @Test
        void aRefusedPayIsKeptAndReplayedAndMovesNothing() {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, "USD", "2.00");
            String id = request(merchant, person.username(), "3.00");
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            String pay = json("account_id", person.accountId());
            Reply refused = send("POST", "v1/requests/" + id + "/pay", bearer(person.token()), pay, key);
            assertEquals(422, refused.status(), refused.toString());
            assertEquals("insufficient_funds", refused.errorKey());
            check(admin("POST", "accounts/" + person.accountId() + "/deposits", "{\"amount\": 5.00}"), 200);
            Reply retry = send("POST", "v1/requests/" + id + "/pay", bearer(person.token()), pay, key);
            assertEquals(refused.text(), retry.text(), "the key's first answer stands, though the payer could pay now");
            assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
            assertEquals("pending", check(get(merchant.token(), "v1/requests/" + id), 200).string("status"));
            assertEquals(new BigDecimal("7.00"), Api.balance(person.accountId()));
        }

        @Test
        void concurrentFirstUsesOfAKeyPayOnceAndAllGetThatAnswer() throws Exception {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, "USD", "10.00");
            String id = request(merchant, person.username(), "4.00");
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            String pay = json("account_id", person.accountId());
            List<Reply> replies = concurrently(10, () -> send("POST", "v1/requests/" + id + "/pay", bearer(person.token()), pay, key));
            Set<String> answers = replies.stream().filter(r -> r.status() == 200).map(Reply::text).collect(Collectors.toSet());
            assertEquals(1, answers.size(), replies.toString());
            assertTrue(replies.stream().allMatch(r -> r.status() == 200 || r.status() == 409
                    && "idempotency_in_flight".equals(r.errorKey())), replies.toString());
            assertEquals(new BigDecimal("6.00"), Api.balance(person.accountId()));
            assertEquals(new BigDecimal("4.00"), Api.balance(merchant.accountId()));
            assertBooksBalance();
        }
    }

    @Nested
    class AccountRequests002 extends AccountRequestScenarios {
    }

    @Nested
    class Callbacks001 extends CallbackScenarios {
    }

    @Nested
    class Messaging000 extends MessagingScenarios {
    }

    @Nested
    class MakePayment003 extends MakePaymentScenarios {
    }

    @Nested
    class HostileInput extends HostileInputScenarios {
    }

    @Nested
    class SlowClients extends SlowClientScenarios {
    }

    @Nested
    class KeysAndSides extends KeysAndSidesScenarios {
    }

    @Nested
    class RefundsAndAudit extends RefundAndAuditScenarios {
    }

    @Nested
    class BackOfficeConsole extends ConsoleScenarios {
    }

    @Nested
    class BatchJobs extends JobScenarios {
    }

    @Nested
    class Reconciliation extends ReconciliationScenarios {
    }

    @Nested
    class Retention extends RetentionScenarios {
    }

    @Nested
    class BulkRequests extends BulkScenarios {
    }

    @Nested
    class StatementGuard extends StatementGuardScenarios {
    }

    @Nested
    class ApiDocument extends ApiDocumentScenarios {
    }

    @Nested
    class Concurrency {

        @Test
        void twentyConcurrentPaysOfOneRequestPayItOnce() throws Exception {
            Client merchant = client("MERCHANT", null, "USD", null);
            Client person = client("PERSON", null, "USD", "1000.00");
            long second = Api.openAccount(person.partyId(), "USD");
            check(admin("POST", "accounts/" + second + "/deposits", "{\"amount\": 1000.00}"), 200);
            String id = request(merchant, person.username(), "123.45");

            List<Long> accounts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                accounts.add(i % 2 == 0 ? person.accountId() : second);
            }
            var next = new java.util.concurrent.atomic.AtomicInteger();
            List<Reply> replies = concurrently(20, () -> post(person.token(), "v1/requests/" + id + "/pay",
                    json("account_id", accounts.get(next.getAndIncrement()))));
            long paid = replies.stream().filter(r -> r.status() == 200).count();
            assertEquals(1, paid, replies.toString());
            assertTrue(replies.stream().filter(r -> r.status() != 200).allMatch(r -> r.status() == 409), replies.toString());
            assertEquals(new BigDecimal("123.45"), Api.balance(merchant.accountId()));
            assertEquals(new BigDecimal("1876.55"), Api.balance(person.accountId()).add(Api.balance(second)));
            assertBooksBalance();
        }

        @Test
        void concurrentPaymentsIntoOneAccountKeepExactBalances() throws Exception {
            Client merchant = client("MERCHANT", null, "USD", null);
            List<Client> payers = new ArrayList<>();
            List<String> requests = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Client payer = client("PERSON", null, "USD", "10.00");
                payers.add(payer);
                requests.add(request(merchant, payer.username(), "0.07"));
            }
            var next = new java.util.concurrent.atomic.AtomicInteger();
            List<Reply> replies = concurrently(12, () -> {
                int i = next.getAndIncrement();
                return post(payers.get(i).token(), "v1/requests/" + requests.get(i) + "/pay",
                        json("account_id", payers.get(i).accountId()));
            });
            assertTrue(replies.stream().allMatch(r -> r.status() == 200), replies.toString());
            assertEquals(new BigDecimal("0.84"), Api.balance(merchant.accountId()));
            for (Client payer : payers) {
                assertEquals(new BigDecimal("9.93"), Api.balance(payer.accountId()));
            }
            assertBooksBalance();
        }

        @Test
        void oppositeTransfersAtOnceAllGoThroughWithoutDeadlock() throws Exception {
            Client anna = client("PERSON", null, "USD", "100.00");
            Client ben = client("PERSON", null, "USD", "100.00");
            var next = new java.util.concurrent.atomic.AtomicInteger();
            // Half move money one way and half the other, each locking the same two accounts.
            List<Reply> replies = concurrently(20, () -> {
                boolean fromAnna = next.getAndIncrement() % 2 == 0;
                Client from = fromAnna ? anna : ben;
                Client to = fromAnna ? ben : anna;
                return post(from.token(), "v1/payments", "{\"from\":[{\"amount\":1.25,\"currency\":\"USD\","
                        + "\"account\":{\"id\":" + from.accountId() + "}}],\"to\":[{\"currency\":\"USD\","
                        + "\"account\":{\"id\":" + to.accountId() + "}}]}");
            });
            assertTrue(replies.stream().allMatch(r -> r.status() == 201), replies.toString());
            assertEquals(new BigDecimal("100.00"), Api.balance(anna.accountId()));
            assertEquals(new BigDecimal("100.00"), Api.balance(ben.accountId()));
            assertBooksBalance();
        }
    }

    static void assertBooksBalance() {
        Api.LOCAL.assertBooksBalance();
    }

    static <T> List<T> concurrently(int threads, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits (a few seconds at most) for the sweep to store an expiry: reads say {@code rejected} from
     * the deadline on anyway, but only a stored expiry moves {@code updated} past {@code since}.
     */
    static void awaitStoredExpiry(String token, String id, long since) throws InterruptedException {
        Reply read = Api.eventually(() -> check(get(token, "v1/requests/" + id), 200), r -> r.number("updated") >= since, 5_000);
        assertEquals("rejected", read.string("status"));
        assertTrue(read.number("updated") >= since, "the sweep stored the expiry: " + read);
    }

    static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
