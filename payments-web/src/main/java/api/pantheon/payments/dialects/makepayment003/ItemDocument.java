package api.pantheon.payments.dialects.makepayment003;

import api.pantheon.payments.dialects.Rfc3339;
import api.pantheon.payments.dialects.accounts002.AccountWords;
import api.pantheon.payments.payments.entity.PaymentView;
import api.pantheon.payments.payments.entity.SubmissionView;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * The item of seed 003 (a payment request being paid) with its latest submission, as both the
 * make-payment answer and the body POSTed to the submission's callback URL.
 */
final class ItemDocument {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private ItemDocument() {
    }

    static String json(SubmissionView submission) {
        PaymentView payment = submission.payment();
        RequestView request = submission.item();
        JsonObjectBuilder submitted = JSON.createObjectBuilder()
                .add("id", payment.id())
                .add("status", payment.status().name())
                .add("account_id", payment.payerAccountId());
        payment.answer().ifPresent(answer -> submitted.add("answer", answer));
        JsonObjectBuilder item = JSON.createObjectBuilder()
                .add("id", request.id())
                .add("status", AccountWords.of(request.status()))
                .add("amount", request.amount().amount())
                .add("currency", request.amount().currencyCode());
        request.description().ifPresent(description -> item.add("description", description));
        request.transactionId().ifPresent(transaction -> item.add("transaction_id", transaction));
        return item.add("payment", submitted)
                .add("submission_count", submission.submissionCount())
                .add("last_updated", Rfc3339.format(submission.lastUpdated()))
                .build().toString();
    }
}
