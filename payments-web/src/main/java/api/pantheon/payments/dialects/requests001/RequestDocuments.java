package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.payments.entity.PaymentView;
import api.pantheon.payments.requests.entity.RequestView;
import java.math.BigDecimal;

/** The payment request as dialect 001 writes it: lower-case status words, UNIX seconds. */
public final class RequestDocuments {

    private RequestDocuments() {
    }

    public record Created(boolean success, String id, long created) {
    }

    /** {@code refunded_amount} is there once part of a paid request has been given back; the status stays paid. */
    public record Document(String id, String transactionId, BigDecimal amount, String currency, String description,
                    String imageUrl, String status, String order, Integer terminal, long created, long updated,
                    long expires, BigDecimal refundedAmount) {
    }

    /** A refund of a paid request: money given back by the requester to the payer. */
    public record Refund(String id, String requestId, BigDecimal amount, String currency, String reason, String status,
                         long created) {
    }

    public record Status(String id, String status, long expires) {
    }

    public static Document document(RequestView request) {
        return new Document(request.id(), request.transactionId().orElse(null), request.amount().amount(),
                request.amount().currencyCode(), request.description().orElse(null), request.imageUrl().orElse(null),
                RequestWords.of(request.status()), request.order().orElse(null), request.terminal().orElse(null),
                request.createdAt().getEpochSecond(), request.updatedAt().getEpochSecond(),
                request.expiresAt().getEpochSecond(),
                request.refundedAmount().isPositive() ? request.refundedAmount().amount() : null);
    }

    public static Refund refund(PaymentView refund) {
        return new Refund(refund.id(), refund.requestId().orElseThrow(), refund.amount().amount(),
                refund.amount().currencyCode(), refund.reason().orElse(null), refund.status().name().toLowerCase(),
                refund.createdAt().getEpochSecond());
    }

    public static Status status(RequestView request) {
        return new Status(request.id(), RequestWords.of(request.status()), request.expiresAt().getEpochSecond());
    }
}
