package api.pantheon.payments.ledger.control;

import api.pantheon.payments.ledger.entity.Account;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
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
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SystemAccounts {

    public static final String SYSTEM_PARTY_ID = "00000000-0000-0000-0000-000000000000";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Ids only, kept once found: a currency's system and clearing accounts never change, and every
     * approval would otherwise query for its clearing account.
     */
    private final IdsOnceFound ids = new IdsOnceFound(1_000);

    /** The id of the currency's system account, which funds deposits. */
    public Optional<Long> systemId(Currency currency) {
        return id(Account.SYSTEM_FOR_CURRENCY, currency);
    }

    /** The id of the account that pays payees when a business system approves a card or bank payment. */
    public Optional<Long> clearingId(Currency currency) {
        return id(Account.CLEARING_FOR_CURRENCY, currency);
    }

    private Optional<Long> id(String query, Currency currency) {
        return ids.get(query + ":" + currency.getCurrencyCode(), () -> em.createNamedQuery(query, Account.class)
                .setParameter("currency", currency.getCurrencyCode()).getResultStream().findFirst().map(Account::id));
    }

    /**
     * Opens the currency's system account in a transaction of its own. When two instances race,
     * the unique system currency column lets one win; the other's commit fails and it finds the winner's.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensure(Currency currency) {
        if (systemId(currency).isEmpty()) {
            em.persist(Account.system(SYSTEM_PARTY_ID, currency, clock.instant()));
        }
        if (clearingId(currency).isEmpty()) {
            em.persist(Account.clearing(SYSTEM_PARTY_ID, currency, clock.instant()));
        }
    }
}
