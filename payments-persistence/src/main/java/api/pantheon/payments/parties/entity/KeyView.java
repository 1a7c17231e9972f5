package api.pantheon.payments.parties.entity;

import java.time.Instant;
import java.util.Optional;

/** An API key as it stands, without its secrets (which are not kept). */
public record KeyView(String keyId, String partyId, Instant createdAt, Optional<Instant> revokedAt) {

    public static KeyView of(ApiKey key) {
        return new KeyView(key.keyId(), key.partyId(), key.createdAt(), key.revokedAt());
    }
}
