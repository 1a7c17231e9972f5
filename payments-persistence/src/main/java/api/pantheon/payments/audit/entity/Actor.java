package api.pantheon.payments.audit.entity;

import java.util.Objects;

/**
 * Who makes a write: an operator in the console, the holder of the admin token, a client through
 * its API key, or one of the platform's own jobs; and from which address, when over the network.
 */
public record Actor(ActorKind kind, String name, String address) {

    public enum ActorKind {
        OPERATOR, ADMIN_TOKEN, CLIENT, SYSTEM
    }

    public Actor {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
    }

    public static Actor operator(String username, String address) {
        return new Actor(ActorKind.OPERATOR, username, address);
    }

    public static Actor adminToken(String address) {
        return new Actor(ActorKind.ADMIN_TOKEN, "admin-token", address);
    }

    /** A client, named by the key it called with (its id, never the token). */
    public static Actor client(String keyId, String address) {
        return new Actor(ActorKind.CLIENT, keyId, address);
    }

    public static Actor system(String job) {
        return new Actor(ActorKind.SYSTEM, job, null);
    }

    /** Operators and the admin token answer for what they change: some of their writes need a reason. */
    public boolean isStaff() {
        return kind == ActorKind.OPERATOR || kind == ActorKind.ADMIN_TOKEN;
    }
}
