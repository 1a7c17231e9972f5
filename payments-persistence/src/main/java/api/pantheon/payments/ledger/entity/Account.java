package api.pantheon.payments.ledger.entity;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Objects;

/**
 * An account in one currency. Wallets hold money; cards and bank accounts are paid through business
 * systems and hold none here; system and clearing accounts are the platform's counterparts. Its balance is a running total of its postings, kept on the row so
 * that paying needs no sum over history; it changes only by {@link #apply(Posting)}.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.SYSTEM_FOR_CURRENCY,
        query = "select a from Account a where a.systemCurrency = :currency")
@NamedQuery(name = Account.CLEARING_FOR_CURRENCY,
        query = "select a from Account a where a.clearingCurrency = :currency")
@NamedQuery(name = Account.FOR_MOVEMENT, query = "select a from Account a where a.id in :ids order by a.id")
@NamedQuery(name = Account.OF_PARTY_IN_CURRENCY,
        query = "select a from Account a where a.partyId = :partyId and a.currency = :currency"
                + " and a.kind = api.pantheon.payments.ledger.entity.AccountKind.WALLET order by a.id")
public class Account {

    public static final String SYSTEM_FOR_CURRENCY = "Account.systemForCurrency";
    public static final String OF_PARTY_IN_CURRENCY = "Account.ofPartyInCurrency";
    /** The accounts of one movement, in id order: locked in that order, two opposite movements cannot deadlock. */
    public static final String FOR_MOVEMENT = "Account.forMovement";
    public static final String CLEARING_FOR_CURRENCY = "Account.clearingForCurrency";

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Column(name = "party_id", nullable = false, length = 36, updatable = false)
    private String partyId;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private AccountKind kind;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal balance;

    /** Set on system accounts only; unique, so each currency has exactly one. */
    @Column(name = "system_currency", length = 3, unique = true, updatable = false)
    private String systemCurrency;

    /** Set on clearing accounts only; unique, so each currency has exactly one. */
    @Column(name = "clearing_currency", length = 3, unique = true, updatable = false)
    private String clearingCurrency;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Account() {
    }

    private Account(String partyId, Currency currency, AccountKind kind, Instant now) {
        this.partyId = Objects.requireNonNull(partyId);
        this.currency = currency.getCurrencyCode();
        this.kind = kind;
        this.balance = BigDecimal.ZERO;
        this.systemCurrency = kind == AccountKind.SYSTEM ? this.currency : null;
        this.clearingCurrency = kind == AccountKind.CLEARING ? this.currency : null;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public static Account wallet(String partyId, Currency currency, Instant now) {
        return new Account(partyId, currency, AccountKind.WALLET, now);
    }

    public static Account system(String systemPartyId, Currency currency, Instant now) {
        return new Account(systemPartyId, currency, AccountKind.SYSTEM, now);
    }

    public static Account clearing(String systemPartyId, Currency currency, Instant now) {
        return new Account(systemPartyId, currency, AccountKind.CLEARING, now);
    }

    /** A card or bank account: a party's, paid through a business system. */
    public static Account external(String partyId, Currency currency, AccountKind kind, Instant now) {
        if (!kind.isExternal()) {
            throw new IllegalArgumentException(kind + " is not paid through a business system");
        }
        return new Account(partyId, currency, kind, now);
    }

    /** Moves the balance by one posting; refuses to go below zero unless this is a system account. */
    public void apply(Posting posting) {
        if (!Objects.equals(posting.accountId(), id)) {
            throw new IllegalArgumentException("posting for account " + posting.accountId() + " applied to " + id);
        }
        BigDecimal sum = balance.add(posting.amount().amount());
        if (Money.wholeDigits(sum) > Money.MAX_WHOLE_DIGITS) {
            throw ErrorCode.PAYMENT_EXCEEDS_LIMITS.exception(
                    "amount: account " + id + " would hold more than the ledger can record");
        }
        Money next = new Money(sum, currency());
        if (next.isNegative() && !kind.mayGoNegative()) {
            throw ErrorCode.INSUFFICIENT_FUNDS.exception(
                    "Account " + id + " has insufficient funds for " + posting.amount().negate());
        }
        balance = next.amount();
    }

    public Long id() {
        return id;
    }

    public String partyId() {
        return partyId;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public AccountKind kind() {
        return kind;
    }

    public Money balance() {
        return new Money(balance, currency());
    }

    public boolean isOwnedBy(String party) {
        return partyId.equals(party);
    }
}
