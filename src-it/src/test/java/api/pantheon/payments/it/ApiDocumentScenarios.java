package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.client.ApiClient;
import api.pantheon.payments.client.ApiException;
import api.pantheon.payments.client.api.PaymentRequests001Api;
import api.pantheon.payments.client.model.Created;
import api.pantheon.payments.client.model.Document;
import api.pantheon.payments.client.model.NewRequestBody;
import api.pantheon.payments.client.model.PayBody;
import api.pantheon.payments.it.Api.Client;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is a contract a client can be generated from. The build generates a Java client
 * from the committed copy of the document (openapi-generator, in this module's pom); these tests hold
 * that copy to what the server serves, and use the generated client to create and pay a request.
 * Nested in {@link PaymentsIT}.
 */
abstract class ApiDocumentScenarios {

    /** Rerun with {@code -Dopenapi.write=true} to take the served document as the new contract. */
    private static final Path COMMITTED = Path.of("src/test/resources/openapi/payments.yaml");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theServedDocumentIsTheCommittedContract() throws Exception {
        String served = served();
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        // As documents, not as text: Payara lists a path's operations in no fixed order.
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        assertEquals(yaml.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8)), yaml.readTree(served),
                "the API changed: rerun with -Dopenapi.write=true, review the diff of " + COMMITTED + " and commit it");
        // The limits the server validates with are in the contract.
        assertTrue(served.contains("maxLength: 3"), "currency's limit is missing");
        assertTrue(served.contains("required:"), "no required fields");
    }

    @Test
    void aGeneratedClientCreatesAndPaysARequest() throws ApiException {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client payer = client("PERSON", null, "USD", "50.00");

        Created created = requestsAs(merchant).createV1Requests(new NewRequestBody()
                .amount(new BigDecimal("12.34")).currency("USD").recipient(payer.username()).description("generated client"));
        assertTrue(created.getSuccess());

        Document paid = requestsAs(payer).payV1RequestsIdPay(created.getId(), new PayBody().accountId(payer.accountId()));
        assertEquals("paid", paid.getStatus());
        assertEquals(0, new BigDecimal("12.34").compareTo(paid.getAmount()));
        assertEquals(0, new BigDecimal("37.66").compareTo(Api.balance(payer.accountId())));
    }

    @Test
    void theGeneratedClientMeetsTheDeclaredLimits() {
        Client merchant = client("MERCHANT", null, "USD", null);
        ApiException refused = assertThrows(ApiException.class, () -> requestsAs(merchant).createV1Requests(
                new NewRequestBody().amount(BigDecimal.ONE).currency("DOLLARS").recipient("nobody")));
        assertEquals(400, refused.getCode());
        assertTrue(refused.getResponseBody().contains("currency: at most 3 characters"), refused.getResponseBody());
    }

    private static PaymentRequests001Api requestsAs(Client client) {
        ApiClient api = new ApiClient();
        api.updateBaseUri(Api.BASE.substring(0, Api.BASE.length() - 1));
        api.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + client.token()));
        return new PaymentRequests001Api(api);
    }

    private static String served() throws IOException, InterruptedException {
        URI document = URI.create(Api.BASE).resolve("/openapi");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(document).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
