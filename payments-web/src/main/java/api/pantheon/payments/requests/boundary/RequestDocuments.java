package api.pantheon.payments.requests.boundary;

import api.pantheon.payments.requests.entity.PaymentRequest;
import java.math.BigDecimal;
import java.time.Instant;

/** The payment request as dialect 001 writes it: lower-case status words, UNIX seconds. */
public final class RequestDocuments {

    private RequestDocuments() {
    }

    public record Created(boolean success, String id, long created) {
    }

    public record Document(String id, String transactionId, BigDecimal amount, String currency, String description,
                    String imageUrl, String status, String order, Integer terminal, long created, long updated,
                    long expires) {
    }

    public record Status(String id, String status, long expires) {
    }

    public static Document document(PaymentRequest request, Instant now) {
        return new Document(request.id(), request.transactionId().orElse(null), request.amount().amount(),
                request.amount().currencyCode(), request.description().orElse(null), request.imageUrl().orElse(null),
                StatusWords.payments001(request.statusAt(now)), request.order().orElse(null), request.terminal().orElse(null),
                request.createdAt().getEpochSecond(), request.updatedAt().getEpochSecond(),
                request.expiresAt().getEpochSecond());
    }

    public static Status status(PaymentRequest request, Instant now) {
        return new Status(request.id(), StatusWords.payments001(request.statusAt(now)), request.expiresAt().getEpochSecond());
    }
}
