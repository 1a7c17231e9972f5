package api.pantheon.payments.operators.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who runs the console. The password is kept only as a PBKDF2 hash. After
 * {@link #MAX_FAILED_LOGINS} failed logins in a row the account (not the address it came from) is
 * locked for a while; a good login resets the count.
 */
@Entity
@Table(name = "operator")
@NamedQuery(name = Operator.PRESENT, query = "select o from Operator o where o.removedAt is null order by o.username")
public class Operator {

    public static final String PRESENT = "Operator.present";
    public static final int MAX_FAILED_LOGINS = 5;

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OperatorRole role;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "removed_at")
    private OffsetDateTime removedAt;

    @Version
    private long version;

    protected Operator() {
    }

    public Operator(String username, String passwordHash, OperatorRole role, Instant now) {
        this.username = Objects.requireNonNull(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = Objects.requireNonNull(role);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
    }

    /** A wrong password: the fifth in a row locks the account for {@code lockout}. */
    public void loginFailed(Instant now, Duration lockout) {
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(lockout).atOffset(ZoneOffset.UTC);
            failedLogins = 0;
        }
    }

    public void loggedIn() {
        failedLogins = 0;
        lockedUntil = null;
    }

    /** Removed operators keep their name in the audit trail, so the row stays; they can no longer log in. */
    public void remove(Instant now) {
        removedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Taken again after a removal: a new password and role, a clean slate. */
    public void restore(String passwordHash, OperatorRole role) {
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = Objects.requireNonNull(role);
        this.removedAt = null;
        loggedIn();
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public OperatorRole role() {
        return role;
    }

    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil).map(OffsetDateTime::toInstant);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
