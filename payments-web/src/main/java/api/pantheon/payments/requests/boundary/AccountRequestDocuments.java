package api.pantheon.payments.requests.boundary;

import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.rest.JsonBody;
import api.pantheon.payments.time.Rfc3339;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;

/** Payment requests as dialect 002 writes them: upper-case statuses, RFC 3339 times, the code as id. */
public final class AccountRequestDocuments {

    private AccountRequestDocuments() {
    }

    public record Token(String type, String code) {
    }

    public record Location(double lat, double lng) {
    }

    public record Item(BigDecimal amount, String currency, Long to, Long from, String expiration, Location location,
                       String status, String id, String creationDate, JsonValue metadata) {
    }

    public static Item item(PaymentRequest request, Instant now) {
        Location location = request.latitude().isPresent() && request.longitude().isPresent()
                ? new Location(request.latitude().get(), request.longitude().get()) : null;
        return new Item(request.amount().amount(), request.amount().currencyCode(), request.requesterAccountId(),
                request.payerAccountId().orElse(null), Rfc3339.format(request.expiresAt()), location,
                StatusWords.accounts002(request.statusAt(now)), request.id(), Rfc3339.format(request.createdAt()),
                request.metadata().map(JsonBody::readStored).orElse(null));
    }
}
