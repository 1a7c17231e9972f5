package api.pantheon.payments.ledger.entity;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.ids.TimeOrderedIds;
import api.pantheon.payments.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A balanced ledger transaction (every debit has its credit): its postings sum to zero, so every currency's balances do
 * too. Built only by {@link #transfer}, which applies both legs to their accounts or neither.
 */
@Entity
@Table(name = "ledger_transaction")
public class LedgerTransaction {

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private TransactionKind kind;

    /** What caused it (a payment id, a deposit's reference), for reconciliation. */
    @Column(length = 64, updatable = false)
    private String reference;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Transient
    private List<Posting> postings = List.of();

    protected LedgerTransaction() {
    }

    private LedgerTransaction(TransactionKind kind, String reference, Instant now) {
        this.id = TimeOrderedIds.next();
        this.kind = kind;
        this.reference = reference;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /**
     * Debits {@code from} and credits {@code to} with {@code amount}. Callers hold both accounts
     * locked; an overdraft or a currency mismatch throws before either balance changes.
     */
    public static LedgerTransaction transfer(TransactionKind kind, String reference,
                                             Account from, Account to, Money amount, Instant now) {
        if (!amount.isPositive()) {
            throw ErrorCode.INVALID_DATA.exception("amount: must be greater than zero");
        }
        if (from.id().equals(to.id())) {
            throw ErrorCode.INVALID_DATA.exception("account: cannot transfer from an account to itself");
        }
        if (!from.currency().equals(amount.currency()) || !to.currency().equals(amount.currency())) {
            throw ErrorCode.CURRENCY_MISMATCH.exception("Cannot move " + amount.currency() + " from a "
                    + from.currency() + " account to a " + to.currency() + " account");
        }
        LedgerTransaction transaction = new LedgerTransaction(kind, reference, now);
        Posting debit = new Posting(transaction.id, from.id(), amount.negate(), now);
        Posting credit = new Posting(transaction.id, to.id(), amount, now);
        from.apply(debit);
        to.apply(credit);
        transaction.postings = List.of(debit, credit);
        return transaction;
    }

    public String id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public TransactionKind kind() {
        return kind;
    }

    public List<Posting> postings() {
        return postings;
    }
}
