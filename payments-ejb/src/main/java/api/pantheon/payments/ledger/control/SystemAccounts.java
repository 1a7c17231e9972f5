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

/**
 * The platform's own accounts, one of each per currency: the system account funds deposits, the
 * clearing account pays out what business systems approve. Their balances mirror what came in.
 */
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
        if (clearing(currency).isEmpty()) {
            em.persist(Account.clearing(SYSTEM_PARTY_ID, currency, clock.instant()));
        }
    }

    /** The account that pays payees when a business system approves a card or bank payment. */
    public Optional<Account> clearing(Currency currency) {
        return em.createNamedQuery(Account.CLEARING_FOR_CURRENCY, Account.class)
                .setParameter("currency", currency.getCurrencyCode())
                .getResultStream().findFirst();
    }
}
