package api.pantheon.payments.ledger.control;

import api.pantheon.payments.ledger.entity.Account;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Currency;
import java.util.Optional;

/** The one system account per currency that funds deposits (its balance is minus all deposits). */
@Stateless
public class SystemAccounts {

    public static final String SYSTEM_PARTY_ID = "00000000-0000-0000-0000-000000000000";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public Optional<Account> find(Currency currency) {
        return em.createNamedQuery(Account.SYSTEM_FOR_CURRENCY, Account.class)
                .setParameter("currency", currency.getCurrencyCode())
                .getResultStream().findFirst();
    }

    /**
     * Opens the currency's system account in a transaction of its own. When two instances race,
     * the unique system currency column lets one win; the other's commit fails and it finds the winner's.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensure(Currency currency) {
        if (find(currency).isEmpty()) {
            em.persist(Account.system(SYSTEM_PARTY_ID, currency, clock.instant()));
        }
    }
}
