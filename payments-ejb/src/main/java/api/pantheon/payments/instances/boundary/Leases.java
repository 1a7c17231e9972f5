package api.pantheon.payments.instances.boundary;

import api.pantheon.payments.instances.control.ThisInstance;
import api.pantheon.payments.instances.entity.Lease;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Leases in the database, for work that the whole cluster does once although every instance's timer
 * fires (see {@link Lease}). Each take commits at once: the lease is a row, not a lock held through
 * the work. The holder takes it again to keep it; one that dies lets it run out.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Leases {

    @PersistenceContext
    EntityManager em;

    @Inject
    ThisInstance self;

    @Inject
    Clock clock;

    /** Whether this instance holds the lease now, until {@code length} from now. */
    public boolean take(String name, Duration length) {
        Instant now = clock.instant();
        return em.createNamedQuery(Lease.TAKE).setParameter("name", name).setParameter("holder", self.id())
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("until", now.plus(length).atOffset(ZoneOffset.UTC)).executeUpdate() == 1;
    }
}
