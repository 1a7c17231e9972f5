package api.pantheon.payments.parties.entity;

import api.pantheon.payments.ids.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/** A merchant, a person or an operator: whoever requests, pays or runs the platform. */
@Entity
@Table(name = "party")
@NamedQuery(name = Party.BY_USERNAME, query = "select p from Party p where p.username = :username")
@NamedQuery(name = Party.BY_PHONE, query = "select p from Party p where p.phone = :phone")
public class Party {

    public static final String BY_USERNAME = "Party.byUsername";
    public static final String BY_PHONE = "Party.byPhone";

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PartyKind kind;

    /** Stored lower-case so that look-ups ignore case. */
    @Column(length = 64, unique = true)
    private String username;

    /** E.164, with the default country code added where the caller left it out. */
    @Column(length = 20, unique = true)
    private String phone;

    @Column(name = "display_name", length = 128)
    private String displayName;

    @Column(length = 254)
    private String email;

    /** The messaging channel used when a request names none. */
    @Column(name = "preferred_channel", length = 32)
    private String preferredChannel;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Party() {
    }

    public Party(PartyKind kind, String username, String phone, String displayName, Instant now) {
        if (username == null && phone == null) {
            throw new IllegalArgumentException("a party needs a username or a phone number");
        }
        this.id = TimeOrderedIds.next();
        this.kind = Objects.requireNonNull(kind);
        this.username = username;
        this.phone = phone;
        this.displayName = displayName;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public PartyKind kind() {
        return kind;
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    public Optional<String> displayName() {
        return Optional.ofNullable(displayName);
    }

    public void reachableBy(String email, String preferredChannel) {
        this.email = email;
        this.preferredChannel = preferredChannel;
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Optional<String> preferredChannel() {
        return Optional.ofNullable(preferredChannel);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
