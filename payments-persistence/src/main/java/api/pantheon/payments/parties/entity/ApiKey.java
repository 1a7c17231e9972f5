package api.pantheon.payments.parties.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's credentials. The bearer token is kept only as its SHA-256 (the token is random, so a
 * plain hash is enough to make a leaked table useless); the callback signing secret has to be
 * usable by the server, so it is kept encrypted with a key that lives outside the database.
 */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKey.BY_TOKEN_HASH,
        query = "select k from ApiKey k where k.tokenHash = :hash and k.revokedAt is null")
@NamedQuery(name = ApiKey.OF_PARTY, query = "select k from ApiKey k where k.partyId = :party order by k.createdAt desc")
@NamedQuery(name = ApiKey.NEWEST_OF_PARTY,
        query = "select k from ApiKey k where k.partyId = :party and k.revokedAt is null order by k.createdAt desc")
public class ApiKey {

    public static final String BY_TOKEN_HASH = "ApiKey.byTokenHash";
    public static final String OF_PARTY = "ApiKey.ofParty";
    /** The key whose signing secret signs the party's callbacks: its newest live one. */
    public static final String NEWEST_OF_PARTY = "ApiKey.newestOfParty";

    @Id
    @Column(name = "key_id", length = 40)
    private String keyId;

    @Column(name = "party_id", nullable = false, length = 36, updatable = false)
    private String partyId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "signing_secret_sealed", nullable = false, length = 255, updatable = false)
    private String signingSecretSealed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String keyId, String partyId, String tokenHash, String signingSecretSealed, Instant now) {
        this.keyId = Objects.requireNonNull(keyId);
        this.partyId = Objects.requireNonNull(partyId);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.signingSecretSealed = Objects.requireNonNull(signingSecretSealed);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** The key stops authenticating and signing; revoking it again changes nothing. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now.atOffset(ZoneOffset.UTC);
        }
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt).map(OffsetDateTime::toInstant);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public String keyId() {
        return keyId;
    }

    public String partyId() {
        return partyId;
    }

    public String signingSecretSealed() {
        return signingSecretSealed;
    }
}
