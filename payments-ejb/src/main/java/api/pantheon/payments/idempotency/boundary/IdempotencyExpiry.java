package api.pantheon.payments.idempotency.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Every minute, forgets idempotency records past their expiry. Safe on every instance at once: a
 * record deleted twice is deleted once. Expired records are ignored by claims even before this runs.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IdempotencyExpiry {

    @Inject
    IdempotencyStore store;

    @Schedule(minute = "*", hour = "*", persistent = false, info = "idempotency expiry")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        while (store.purgeExpired() > 0) {
            // each round is a transaction of its own; stop when a round finds nothing
        }
    }
}
