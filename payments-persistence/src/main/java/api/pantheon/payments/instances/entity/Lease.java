package api.pantheon.payments.instances.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Work that one instance of a cluster does at a time: the instance that holds the lease, and until
 * when. Taken (and kept) with a single conditional update, so that two instances asking at the same
 * moment cannot both get it, and no lock is held between them.
 */
@Entity
@Table(name = "lease")
@NamedQuery(name = Lease.TAKE, query = "update Lease l set l.holder = :holder, l.heldUntil = :until"
        + " where l.name = :name and (l.heldUntil <= :now or l.holder = :holder)")
public class Lease {

    public static final String TAKE = "Lease.take";

    @Id
    @Column(length = 64)
    private String name;

    @Column(length = 36)
    private String holder;

    @Column(name = "held_until", nullable = false)
    private OffsetDateTime heldUntil;

    protected Lease() {
    }
}
