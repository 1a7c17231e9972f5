package api.pantheon.payments.ledger.control;

import api.pantheon.payments.ledger.entity.Account;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The wallet a party is paid into in a currency: its oldest one there. Accounts are never closed nor
 * removed, and a wallet opened later has a higher id, so once found it stays the answer on every
 * instance; each keeps what it found, and a create does not ask the database again.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Wallets {

    /** A party in a currency each; past this many the instance starts again, which costs only lookups. */
    private static final int KEPT = 100_000;

    @PersistenceContext
    EntityManager em;

    private final IdsOnceFound paidInto = new IdsOnceFound(KEPT);

    public Optional<Long> paidIntoId(String partyId, String currencyCode) {
        // No setMaxResults: a row limit makes EclipseLink prepare the query anew on every call,
        // and a party holds few accounts in one currency.
        return paidInto.get(partyId + ":" + currencyCode, () -> em.createNamedQuery(Account.OF_PARTY_IN_CURRENCY, Account.class)
                .setParameter("partyId", partyId).setParameter("currency", currencyCode)
                .getResultList().stream().findFirst().map(Account::id));
    }
}
