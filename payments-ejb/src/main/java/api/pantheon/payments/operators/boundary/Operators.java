package api.pantheon.payments.operators.boundary;

import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.operators.entity.Operator;
import api.pantheon.payments.operators.entity.OperatorRole;
import api.pantheon.payments.operators.entity.OperatorView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The people who run the console: who they are, what role they hold, and whether a password is
 * theirs. Passwords are kept only as PBKDF2-HMAC-SHA256 hashes.
 */
@Stateless
public class Operators {

    /** What a login comes to. */
    public sealed interface Login {
        record Accepted(String username, OperatorRole role) implements Login {
        }

        record Refused() implements Login {
        }

        record Locked(Instant until) implements Login {
        }
    }

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 128;
    /** About 60 ms per login on this machine: slow enough to make guessing dear, fast enough to log in. */
    private static final String ITERATIONS = "120000";

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hashes;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "payments.console.lockout-minutes", defaultValue = "15")
    long lockoutMinutes;

    @PostConstruct
    void configureHashes() {
        hashes.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", ITERATIONS, "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    /** A new operator, or a removed one taken again; staff say why. */
    public OperatorView create(String username, String password, String role, String reason) {
        String name = checkedUsername(username);
        OperatorRole operatorRole = checkedRole(role);
        String hash = hashes.generate(checkedPassword(password).toCharArray());
        String why = audit.requireReason("operator.create", Audit.Target.operator(name), reason);
        Instant now = clock.instant();
        Operator operator = em.find(Operator.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (operator == null) {
            operator = new Operator(name, hash, operatorRole, now);
            em.persist(operator);
        } else if (operator.isRemoved()) {
            operator.restore(hash, operatorRole);
        } else {
            throw ErrorCode.OPERATOR_EXISTS.exception("username: " + name + " is taken");
        }
        audit.done("operator.create", Audit.Target.operator(name), why + " (role " + operatorRole + ")", now);
        return OperatorView.of(operator);
    }

    /** The operator can no longer log in; the name stays in the audit trail and cannot be reused silently. */
    public OperatorView remove(String username, String reason) {
        Operator operator = present(username);
        String why = audit.requireReason("operator.remove", Audit.Target.operator(username), reason);
        Instant now = clock.instant();
        operator.remove(now);
        audit.done("operator.remove", Audit.Target.operator(username), why, now);
        return OperatorView.of(operator);
    }

    /** Whether anyone was ever made an operator, removed ones included. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean anyEver() {
        return !em.createQuery("select o.username from Operator o", String.class).setMaxResults(1).getResultList().isEmpty();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OperatorView> list() {
        return em.createNamedQuery(Operator.PRESENT, Operator.class).getResultList().stream().map(OperatorView::of).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<OperatorView> find(String username) {
        return Optional.ofNullable(username).map(name -> em.find(Operator.class, name)).filter(o -> !o.isRemoved())
                .map(OperatorView::of);
    }

    /**
     * Whether this password is the operator's. Its own transaction, so that a failure counts even
     * though the login does not go on; the fifth in a row locks the account, whatever address tried.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Login verify(String username, String password) {
        Instant now = clock.instant();
        Operator operator = username == null || password == null ? null
                : em.find(Operator.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (operator == null || operator.isRemoved()) {
            // The same work as for a real account, so that timing does not tell which names exist.
            hashes.verify("not-a-password".toCharArray(), DECOY);
            return new Login.Refused();
        }
        if (operator.isLockedAt(now)) {
            return new Login.Locked(operator.lockedUntil().orElse(now));
        }
        if (password.length() <= MAX_PASSWORD && hashes.verify(password.toCharArray(), operator.passwordHash())) {
            operator.loggedIn();
            return new Login.Accepted(operator.username(), operator.role());
        }
        operator.loginFailed(now, Duration.ofMinutes(lockoutMinutes));
        if (operator.isLockedAt(now)) {
            audit.done("operator.lock", Audit.Target.operator(username),
                    Operator.MAX_FAILED_LOGINS + " failed logins in a row", now);
            return new Login.Locked(operator.lockedUntil().orElse(now));
        }
        return new Login.Refused();
    }

    private static final String DECOY =
            "PBKDF2WithHmacSHA256:" + ITERATIONS + ":AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private Operator present(String username) {
        Operator operator = username == null ? null : em.find(Operator.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (operator == null || operator.isRemoved()) {
            throw ErrorCode.NOT_FOUND.exception("No operator " + username);
        }
        return operator;
    }

    private static String checkedUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ErrorCode.INVALID_DATA.exception(
                    "username: 2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return username;
    }

    private static String checkedPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ErrorCode.INVALID_DATA.exception("password: " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        return password;
    }

    private static OperatorRole checkedRole(String role) {
        try {
            return OperatorRole.valueOf(String.valueOf(role));
        } catch (IllegalArgumentException unknown) {
            throw ErrorCode.INVALID_DATA.exception("role: must be VIEWER, OPERATOR or ADMIN");
        }
    }
}
