package api.pantheon.payments.ledger.boundary;

import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.ledger.control.SystemAccounts;
import api.pantheon.payments.ledger.control.Wallets;
import api.pantheon.payments.ledger.entity.Account;
import api.pantheon.payments.ledger.entity.AccountKind;
import api.pantheon.payments.ledger.entity.AccountView;
import api.pantheon.payments.ledger.entity.LedgerTransaction;
import api.pantheon.payments.ledger.entity.TransactionKind;
import api.pantheon.payments.money.Money;
import api.pantheon.payments.money.control.Currencies;
import api.pantheon.payments.parties.boundary.Parties;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accounts and the movements between them. Every balance change goes through {@link #transfer},
 * which locks both accounts in id order (so two opposite transfers cannot deadlock) and writes a
 * balanced transaction in the caller's transaction.
 */
@Stateless
public class Ledger {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Wallets wallets;

    @Inject
    Currencies currencies;

    @Inject
    Parties parties;

    @Inject
    SystemAccounts systemAccounts;

    @Inject
    Audit audit;

    private static final String DEPOSIT = "account.deposit";

    /** A wallet, or a card or bank account paid through the business system. */
    public AccountView open(String partyId, String currencyCode, AccountKind kind) {
        Instant now = clock.instant();
        String owner = parties.find(partyId).id();
        Account account = switch (kind) {
            case WALLET -> Account.wallet(owner, currencies.supported(currencyCode), now);
            case CARD, BANK -> Account.external(owner, currencies.supported(currencyCode), kind, now);
            default -> throw ErrorCode.INVALID_DATA.exception("type: must be WALLET, CARD or BANK");
        };
        em.persist(account);
        em.flush();
        audit.done("account.open", Audit.Target.account(account.id()), null, now);
        return AccountView.of(account);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccountView account(Long id) {
        return AccountView.of(existing(id));
    }

    private Account existing(Long id) {
        return find(id).orElseThrow(ErrorCode.ACCOUNT_NOT_FOUND::exception);
    }

    public Optional<Account> find(Long accountId) {
        return Optional.ofNullable(accountId == null ? null : em.find(Account.class, accountId));
    }

    /** The account, if the party owns it; someone else's account reads as missing. */
    public Optional<Account> ownedBy(String partyId, Long accountId) {
        return Optional.ofNullable(accountId == null ? null : em.find(Account.class, accountId))
                .filter(account -> account.isOwnedBy(partyId));
    }

    /** The id of the party's oldest wallet in the currency: where money requested in it is paid into. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Long> walletIdOf(String partyId, String currencyCode) {
        return wallets.paidIntoId(partyId, currencyCode);
    }

    /**
     * Money entering the platform, funded by the currency's system account. Staff say why; the
     * deposit's reference (a wire's, say) does, when no other reason is given.
     */
    public AccountView deposit(Long accountId, BigDecimal amount, String reference, String reason) {
        Instant now = clock.instant();
        String why = audit.requireReason(DEPOSIT, Audit.Target.account(accountId), reason == null ? reference : reason);
        Account target = existing(accountId);
        Money money = currencies.positive(amount, target.currency().getCurrencyCode());
        currencies.requireDepositWithinLimit(money);
        Long funding = systemAccounts.systemId(money.currency())
                .orElseThrow(() -> new IllegalStateException("no system account for " + money.currency()));
        transfer(funding, target.id(), money, TransactionKind.DEPOSIT, reference, now);
        audit.done(DEPOSIT, Audit.Target.account(accountId), why, now);
        return AccountView.of(target);
    }

    /** The accounts of one movement, locked by {@link #lockForMovement}; one that does not exist is absent. */
    public record Locked(Map<Long, Account> byId) {

        /** For a transaction that moves no money. */
        public static final Locked NOTHING = new Locked(Map.of());

        public Optional<Account> account(Long id) {
            return Optional.ofNullable(id == null ? null : byId.get(id));
        }
    }

    /**
     * Locks the accounts of one movement with one statement, in id order, so that two opposite movements
     * cannot deadlock. A caller that must look at them first (whose they are, their currency) locks them
     * here and hands them to {@link #transfer(Locked, Long, Long, Money, TransactionKind, String, Instant)}
     * rather than reading them twice.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Locked lockForMovement(Long oneId, Long otherId) {
        return lockForMovements(Arrays.asList(oneId, otherId));
    }

    /**
     * Locks the accounts of every movement a transaction will make, with one statement in id order.
     * Once per transaction: a lock query reads its rows back from the database into the accounts this
     * transaction holds, so locking an account again would undo the balance changes made to it since
     * and not yet written, and the money moved in between would vanish from the balance.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Locked lockForMovements(Collection<Long> accountIds) {
        // Sorted as well as ordered by the query: a database may lock rows in the order it looks them up.
        List<Long> ids = accountIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
        if (ids.isEmpty()) {
            return Locked.NOTHING; // an empty IN list is not SQL
        }
        // Not flushing the caller's writes first: their foreign keys would take share locks on these rows
        // before this takes them in order.
        return new Locked(em.createNamedQuery(Account.FOR_MOVEMENT, Account.class).setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setFlushMode(FlushModeType.COMMIT).getResultStream()
                .collect(Collectors.toMap(Account::id, Function.identity())));
    }

    /**
     * Moves money in the caller's transaction: locks both accounts (see {@link #lockForMovement}), then
     * writes a balanced transaction dated {@code now}.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public LedgerTransaction transfer(Long fromId, Long toId, Money amount, TransactionKind kind, String reference, Instant now) {
        return transfer(lockForMovement(fromId, toId), fromId, toId, amount, kind, reference, now);
    }

    /** Moves money between accounts the caller has locked with {@link #lockForMovement}. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public LedgerTransaction transfer(Locked accounts, Long fromId, Long toId, Money amount, TransactionKind kind,
                                      String reference, Instant now) {
        Account from = accounts.account(fromId).orElseThrow(ErrorCode.ACCOUNT_NOT_FOUND::exception);
        Account to = accounts.account(toId).orElseThrow(ErrorCode.ACCOUNT_NOT_FOUND::exception);
        LedgerTransaction transaction = LedgerTransaction.transfer(kind, reference, from, to, amount, now);
        em.persist(transaction);
        transaction.postings().forEach(em::persist);
        return transaction;
    }
}
