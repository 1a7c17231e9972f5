package api.pantheon.payments.ledger.entity;

import api.pantheon.payments.ids.TimeOrderedIds;
import api.pantheon.payments.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;

/** One leg of a ledger transaction: a signed amount on one account (debits are negative). Never changed. */
@Entity
@Table(name = "posting")
public class Posting {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "transaction_id", nullable = false, length = 36, updatable = false)
    private String transactionId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(nullable = false, precision = 19, scale = 4, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Posting() {
    }

    Posting(String transactionId, Long accountId, Money amount, Instant now) {
        this.id = TimeOrderedIds.next();
        this.transactionId = transactionId;
        this.accountId = accountId;
        this.amount = amount.amount();
        this.currency = amount.currencyCode();
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public String transactionId() {
        return transactionId;
    }

    public Long accountId() {
        return accountId;
    }

    public Money amount() {
        return new Money(amount, Currency.getInstance(currency));
    }
}
