package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.requests.entity.RequestView;
import java.math.BigDecimal;

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

    public static Document document(RequestView request) {
        return new Document(request.id(), request.transactionId().orElse(null), request.amount().amount(),
                request.amount().currencyCode(), request.description().orElse(null), request.imageUrl().orElse(null),
                RequestWords.of(request.status()), request.order().orElse(null), request.terminal().orElse(null),
                request.createdAt().getEpochSecond(), request.updatedAt().getEpochSecond(),
                request.expiresAt().getEpochSecond());
    }

    public static Status status(RequestView request) {
        return new Status(request.id(), RequestWords.of(request.status()), request.expiresAt().getEpochSecond());
    }
}
