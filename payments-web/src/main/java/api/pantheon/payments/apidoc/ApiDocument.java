package api.pantheon.payments.apidoc;

import api.pantheon.payments.admin.AdminDocuments;
import api.pantheon.payments.admin.DepositBody;
import api.pantheon.payments.admin.IntakeResource;
import api.pantheon.payments.admin.JobBody;
import api.pantheon.payments.admin.JobDocuments;
import api.pantheon.payments.admin.OpenAccountBody;
import api.pantheon.payments.admin.OperatorBody;
import api.pantheon.payments.admin.RegisterPartyBody;
import api.pantheon.payments.dialects.accounts002.AccountRequestDocuments;
import api.pantheon.payments.dialects.accounts002.NewAccountRequestBody;
import api.pantheon.payments.dialects.accounts002.PaymentBody;
import api.pantheon.payments.dialects.accounts002.PaymentsResource;
import api.pantheon.payments.dialects.makepayment003.ItemDocument;
import api.pantheon.payments.dialects.makepayment003.MakePaymentBody;
import api.pantheon.payments.dialects.makepayment003.MakePaymentResource;
import api.pantheon.payments.dialects.messaging000.MessagingResource;
import api.pantheon.payments.dialects.requests001.EventDocuments;
import api.pantheon.payments.dialects.requests001.NewRequestBody;
import api.pantheon.payments.dialects.requests001.PayBody;
import api.pantheon.payments.dialects.requests001.BulkFiles;
import api.pantheon.payments.dialects.requests001.RefundBody;
import api.pantheon.payments.dialects.requests001.RequestDocuments;
import api.pantheon.payments.edge.ErrorEnvelope;
import api.pantheon.payments.ledger.entity.BooksReport;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The finishing of the served OpenAPI document ({@code mp.openapi.filter}): every body's schema,
 * request and response, from its record ({@link RecordSchemas}), and operation ids a generated
 * client can use as method names. Payara reads the operations; the records say what travels.
 */
public class ApiDocument implements OASFilter {

    /** Every request body the API reads; {@code ApiDocumentTest} fails when a resource takes one not listed. */
    public static final List<Class<? extends Record>> REQUEST_BODIES = List.of(
            NewRequestBody.class, PayBody.class, RefundBody.class, MakePaymentBody.class, NewAccountRequestBody.class,
            PaymentBody.class, RegisterPartyBody.class, OpenAccountBody.class, DepositBody.class, OperatorBody.class, JobBody.class);

    /** Every document the API answers with; {@code ApiDocumentTest} fails when a resource returns one not listed. */
    public static final List<Class<? extends Record>> RESPONSES = List.of(
            RequestDocuments.Created.class, RequestDocuments.Document.class, RequestDocuments.Status.class,
            RequestDocuments.Refund.class, AdminDocuments.OperatorDocument.class, AdminDocuments.AuditLine.class,
            AdminDocuments.AuditPage.class, JobDocuments.JobRun.class, JobDocuments.Report.class,
            JobDocuments.ReportDocument.class, JobDocuments.ReportLine.class, JobDocuments.RunLinks.class,
            JobDocuments.ReportLinks.class, JobDocuments.ReconciliationDocument.class,
            JobDocuments.ReconciliationCounts.class, JobDocuments.ReconciliationLine.class, BulkFiles.BulkStatus.class, BulkFiles.BulkStatus.BulkLinks.class,
            EventDocuments.EventItem.class, EventDocuments.Attempt.class, EventDocuments.DeliveryItem.class,
            MessagingResource.Sent.class, ItemDocument.class, MakePaymentResource.Awaiting.class,
            AccountRequestDocuments.Token.class, AccountRequestDocuments.Item.class, PaymentsResource.PaymentDocument.class,
            AdminDocuments.PartyDocument.class, AdminDocuments.AccountDocument.class, AdminDocuments.PaymentDocument.class,
            AdminDocuments.KeyStatus.class, AdminDocuments.KeyDocument.class, IntakeResource.IntakeState.class,
            BooksReport.class, ErrorEnvelope.class);

    /** Documents some answers list ({@code ItemList}: an array of {@code Item}), as seed 002 and the event log do. */
    public static final List<Class<? extends Record>> LISTED = List.of(
            AccountRequestDocuments.Item.class, EventDocuments.EventItem.class, EventDocuments.Attempt.class,
            EventDocuments.DeliveryItem.class, AdminDocuments.KeyStatus.class, RequestDocuments.Document.class,
            RequestDocuments.Refund.class, AdminDocuments.OperatorDocument.class, JobDocuments.JobRun.class,
            JobDocuments.Report.class);

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Map<String, Schema> schemas = new TreeMap<>();
        REQUEST_BODIES.forEach(body -> RecordSchemas.describe(body, schemas));
        RESPONSES.forEach(response -> RecordSchemas.describe(response, schemas));
        LISTED.forEach(listed -> schemas.put(RecordSchemas.nameOf(listed) + "List", OASFactory.createSchema()
                .type(Schema.SchemaType.ARRAY).items(OASFactory.createSchema().ref(RecordSchemas.nameOf(listed)))));
        api.getComponents().setSchemas(schemas);
        if (api.getTags() != null) {
            // Payara lists a tag once for every operation that carries it.
            Map<String, Tag> byName = new LinkedHashMap<>();
            api.getTags().forEach(tag -> byName.putIfAbsent(tag.getName(), tag));
            api.setTags(new ArrayList<>(byName.values()));
        }
        withoutPayaraEndpoints(api);
        if (api.getPaths() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> finish(operation)));
            uniqueOperationIds(api);
        }
    }

    /**
     * Payara adds a field OpenAPI does not have ({@code endpoints}; {@code x-endpoints} in later Payaras),
     * and client generators refuse a document with it.
     */
    private static void withoutPayaraEndpoints(OpenAPI api) {
        try {
            api.getClass().getMethod("setEndpoints", Map.class).invoke(api, new HashMap<>());
        } catch (NoSuchMethodException anotherImplementation) {
            // Not Payara's model, or one without the field: nothing to take away.
        } catch (ReflectiveOperationException unexpected) {
            throw new IllegalStateException("could not take Payara's endpoints out of the document", unexpected);
        }
    }

    /**
     * A body is always required, and its examples belong beside its schema: Payara files an example
     * declared without a media type under {@code *}{@code /*}.
     */
    private static void finish(Operation operation) {
        RequestBody body = operation.getRequestBody();
        if (body == null || body.getContent() == null) {
            return;
        }
        Content content = body.getContent();
        var json = content.getMediaType(MediaType.APPLICATION_JSON);
        var anyType = content.getMediaType(MediaType.WILDCARD);
        if (json != null && anyType != null) {
            json.setExample(anyType.getExample());
            content.removeMediaType(MediaType.WILDCARD);
        }
        if (json != null && json.getSchema() != null && json.getSchema().getRef() != null) {
            body.setRequired(true);
        }
    }

    /** Java method names repeat across resources (create, get, list); repeated ones take their path too. */
    private static void uniqueOperationIds(OpenAPI api) {
        Map<String, List<Operation>> byId = new HashMap<>();
        Map<Operation, String> pathOf = new HashMap<>();
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getOperationId() != null) {
                byId.computeIfAbsent(operation.getOperationId(), id -> new ArrayList<>()).add(operation);
                pathOf.put(operation, path);
            }
        }));
        byId.values().stream().filter(operations -> operations.size() > 1).flatMap(List::stream)
                .forEach(operation -> operation.setOperationId(operation.getOperationId() + camel(pathOf.get(operation))));
    }

    private static String camel(String path) {
        StringBuilder name = new StringBuilder();
        for (String word : path.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }
}
