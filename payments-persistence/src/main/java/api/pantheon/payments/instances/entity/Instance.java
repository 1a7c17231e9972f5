package api.pantheon.payments.instances.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One run of a server: a new id at every start, so that a restarted server does not mistake the work
 * its killed predecessor had claimed for its own. Alive while its heartbeat is recent.
 */
@Entity
@Table(name = "instance")
@NamedQuery(name = Instance.HEARTBEAT, query = "update Instance i set i.heartbeatAt = :now where i.id = :id")
@NamedQuery(name = Instance.FORGET_DEAD, query = "delete from Instance i where i.heartbeatAt < :before")
public class Instance {

    public static final String HEARTBEAT = "Instance.heartbeat";
    public static final String FORGET_DEAD = "Instance.forgetDead";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64, updatable = false)
    private String name;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "heartbeat_at", nullable = false)
    private OffsetDateTime heartbeatAt;

    protected Instance() {
    }

    public Instance(String id, String name, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.startedAt = now.atOffset(ZoneOffset.UTC);
        this.heartbeatAt = startedAt;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }
}
