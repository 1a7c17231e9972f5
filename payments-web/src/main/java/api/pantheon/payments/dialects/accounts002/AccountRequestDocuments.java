package api.pantheon.payments.dialects.accounts002;

import api.pantheon.payments.dialects.Rfc3339;
import api.pantheon.payments.edge.Json;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Payment requests as dialect 002 writes them: upper-case statuses, RFC 3339 times, the code as id. */
public final class AccountRequestDocuments {

    private AccountRequestDocuments() {
    }

    public record Token(String type, String code) {
    }

    @Schema(name = "RequestLocation")
    public record Location(double lat, double lng) {
    }

    public record Item(BigDecimal amount, String currency, Long to, Long from, String expiration, Location location,
                       String status, String id, String creationDate, JsonValue metadata) {
    }

    public static Item item(RequestView request) {
        Location location = request.latitude().isPresent() && request.longitude().isPresent()
                ? new Location(request.latitude().get(), request.longitude().get()) : null;
        return new Item(request.amount().amount(), request.amount().currencyCode(), request.requesterAccountId(),
                request.payerAccountId().orElse(null), Rfc3339.format(request.expiresAt()), location,
                AccountWords.of(request.status()), request.id(), Rfc3339.format(request.createdAt()),
                request.metadata().map(Json::readStored).orElse(null));
    }
}
