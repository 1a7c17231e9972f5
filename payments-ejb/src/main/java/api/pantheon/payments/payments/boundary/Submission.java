package api.pantheon.payments.payments.boundary;

/**
 * A make-payment submission as its caller sees it: the item document, whether the business system
 * has answered (the payment completed or failed), and how many submissions the item has had.
 */
public record Submission(String paymentId, String requestId, String itemJson, boolean answered, long submissionCount,
                         String lastUpdated) {
}
