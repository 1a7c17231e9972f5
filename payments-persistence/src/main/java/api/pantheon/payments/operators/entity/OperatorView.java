package api.pantheon.payments.operators.entity;

import java.time.Instant;
import java.util.Optional;

/** An operator as read: never the password hash. */
public record OperatorView(String username, OperatorRole role, Instant createdAt, Optional<Instant> lockedUntil) {

    public static OperatorView of(Operator operator) {
        return new OperatorView(operator.username(), operator.role(), operator.createdAt(), operator.lockedUntil());
    }
}
