package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.bulk.boundary.BulkImports;
import api.pantheon.payments.edge.BodyErrors;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.errors.PaymentsException;
import api.pantheon.payments.jobs.boundary.Jobs;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes each row's request as {@code POST /v1/requests} would: the same body record and its Bean
 * Validation, then the same boundary. The chunk's requests, their outcomes and its progress commit
 * in the chunk's one transaction.
 */
@Named("bulkRowWriter")
@Dependent
public class BulkRowWriter extends AbstractItemWriter {

    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\p{Graph}]{1,64}");

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    @BatchProperty(name = "party")
    String party;

    @Inject
    BulkImports bulk;

    @Inject
    Jobs jobs;

    @Inject
    Validator validator;

    @Override
    public void writeItems(List<Object> items) {
        List<BulkImports.Row> rows = new ArrayList<>(items.size());
        for (Object item : items) {
            BulkRowReader.BulkItem row = (BulkRowReader.BulkItem) item;
            String externalId = blankToNull(row.columns().get("external_id"));
            try {
                rows.add(new BulkImports.Row(row.number(), checkedExternalId(externalId), body(row.columns()).asOrder(), null));
            } catch (PaymentsException unreadable) {
                rows.add(new BulkImports.Row(row.number(), externalId, null, unreadable));
            }
        }
        long made = bulk.importRows(runId, party, rows);
        jobs.progressed(runId, made, rows.size() - made);
    }

    private NewRequestBody body(Map<String, String> columns) {
        NewRequestBody body = new NewRequestBody(amount(columns.get("amount")), blankToNull(columns.get("currency")),
                blankToNull(columns.get("recipient")), blankToNull(columns.get("description")), null,
                blankToNull(columns.get("order")), null, whole("expires_in", columns.get("expires_in")),
                blankToNull(columns.get("notify_url")), null);
        Set<ConstraintViolation<NewRequestBody>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw ErrorCode.INVALID_DATA.exception(BodyErrors.message(violations));
        }
        return body;
    }

    /** Read by its digits, as the API's JSON numbers are: nothing is computed on text that is too long. */
    private static BigDecimal amount(String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        if (!AMOUNT.matcher(value).matches()) {
            throw ErrorCode.INVALID_DATA.exception("amount: must be a number with at most 15 digits before the point");
        }
        return new BigDecimal(value);
    }

    private static Long whole(String field, String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        if (!WHOLE.matcher(value).matches()) {
            throw ErrorCode.INVALID_DATA.exception(field + ": must be a whole number");
        }
        return Long.valueOf(value);
    }

    private static String checkedExternalId(String externalId) {
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            throw ErrorCode.INVALID_DATA.exception("external_id: 1 to 64 visible characters, no spaces");
        }
        return externalId;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
