package api.pantheon.payments.instances.boundary;

import api.pantheon.payments.instances.control.ThisInstance;
import api.pantheon.payments.instances.entity.Instance;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers this run of the server and beats its heart every second. An instance whose heartbeat is
 * older than {@link #ALIVE_WITHIN} is dead: whatever it had claimed is owed again.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Instances {

    /** Several missed beats: long enough for a busy database, short enough that recovery is prompt. */
    public static final Duration ALIVE_WITHIN = Duration.ofSeconds(5);
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger(Instances.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ThisInstance self;

    @Inject
    Clock clock;

    private volatile boolean beating = true;

    @PostConstruct
    void register() {
        em.persist(new Instance(self.id(), self.name(), clock.instant()));
        LOG.info(() -> "Instance " + self.name() + " started as " + self.id());
    }

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "instance heartbeat")
    void beat() {
        try {
            em.createNamedQuery(Instance.HEARTBEAT).setParameter("id", self.id())
                    .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
            if (!beating) {
                beating = true;
                LOG.info("Heartbeat stored again");
            }
        } catch (RuntimeException databaseUnreachable) {
            // Logged once per outage, not every second; the next beat tries again.
            if (beating) {
                beating = false;
                LOG.log(Level.WARNING, "Cannot store this instance's heartbeat; other instances will take up its"
                        + " claimed work after " + ALIVE_WITHIN.toSeconds() + " s", databaseUnreachable);
            }
        }
    }

    @Schedule(minute = "17", hour = "*", persistent = false, info = "forget dead instances")
    void forgetDead() {
        em.createNamedQuery(Instance.FORGET_DEAD).setParameter("before",
                clock.instant().minus(FORGOTTEN_AFTER).atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /** Heartbeats at or after this instant are alive. */
    public static Instant aliveSince(Instant now) {
        return now.minus(ALIVE_WITHIN);
    }
}
