package api.pantheon.payments.dialects.makepayment003;

import api.pantheon.payments.dialects.Rfc3339;
import api.pantheon.payments.dialects.accounts002.AccountWords;
import api.pantheon.payments.edge.JsonbProvider;
import api.pantheon.payments.payments.entity.PaymentView;
import api.pantheon.payments.payments.entity.SubmissionView;
import api.pantheon.payments.requests.entity.RequestView;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The item of seed 003 (a payment request being paid) with its latest submission, as both the
 * make-payment answer and the body POSTed to the submission's callback URL.
 */
@Schema(name = "PaymentItem")
public record ItemDocument(String id, String status, BigDecimal amount, String currency, String description,
                           String transactionId, Submitted payment, long submissionCount, String lastUpdated) {

    /** The payment made for the item, with the business system's answer once it has one. */
    public record Submitted(String id, String status, Long accountId, String answer) {
    }

    static ItemDocument of(SubmissionView submission) {
        PaymentView payment = submission.payment();
        RequestView request = submission.item();
        return new ItemDocument(request.id(), AccountWords.of(request.status()), request.amount().amount(),
                request.amount().currencyCode(), request.description().orElse(null), request.transactionId().orElse(null),
                new Submitted(payment.id(), payment.status().name(), payment.payerAccountId(), payment.answer().orElse(null)),
                submission.submissionCount(), Rfc3339.format(submission.lastUpdated()));
    }

    /** The text sent and signed as a callback: exactly what the make-payment answer reads. */
    static String json(SubmissionView submission) {
        return JsonbProvider.WIRE.toJson(of(submission));
    }
}
