package api.pantheon.payments.payments.control;

import api.pantheon.payments.json.JsonFactories;
import api.pantheon.payments.payments.entity.Payment;
import api.pantheon.payments.requests.boundary.StatusWords;
import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.security.control.Secrets;
import api.pantheon.payments.time.Rfc3339;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Base64;

/**
 * The item of seed 003 (a payment request being paid) with its latest submission, as both the
 * make-payment answer and the body POSTed to the submission's callback URL.
 */
public final class ItemDocument {

    private static final JsonBuilderFactory JSON = JsonFactories.BUILDERS;

    private ItemDocument() {
    }

    public static String json(PaymentRequest request, Payment payment, long submissionCount, Instant now) {
        JsonObjectBuilder submission = JSON.createObjectBuilder()
                .add("id", payment.id())
                .add("status", payment.status().name())
                .add("account_id", payment.payerAccountId());
        payment.answer().ifPresent(answer -> submission.add("answer", answer));
        JsonObjectBuilder item = JSON.createObjectBuilder()
                .add("id", request.id())
                .add("status", StatusWords.accounts002(request.statusAt(now)))
                .add("amount", request.amount().amount())
                .add("currency", request.amount().currencyCode());
        request.description().ifPresent(description -> item.add("description", description));
        request.transactionId().ifPresent(transaction -> item.add("transaction_id", transaction));
        Instant updated = payment.updatedAt().isAfter(request.updatedAt()) ? payment.updatedAt() : request.updatedAt();
        return item.add("payment", submission)
                .add("submission_count", submissionCount)
                .add("last_updated", Rfc3339.format(updated))
                .build().toString();
    }

    /** {@code t=<unix seconds>,v=<base64url, no padding, of HMAC-SHA256(secret, t + "." + body)>}. */
    public static String signature(String secret, long unixSeconds, String body) {
        byte[] digest = Secrets.hmacSha256(secret, unixSeconds + "." + body);
        return "t=" + unixSeconds + ",v=" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
