package api.pantheon.payments.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** One merchant account's day: the balance it opened with, what moved and how, the balance it closed with. */
@Entity
@Table(name = "settlement_line")
@NamedQuery(name = SettlementLine.OF_REPORT, query = "select l from SettlementLine l where l.reportId = :report"
        + " order by l.accountId")
@IdClass(SettlementLine.Key.class)
public class SettlementLine {

    public static final String OF_REPORT = "SettlementLine.ofReport";

    /** A line is its report's line for one account. */
    public static class Key implements Serializable {
        private String reportId;
        private Long accountId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(reportId, key.reportId) && Objects.equals(accountId, key.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, accountId);
        }
    }

    @Id
    @Column(name = "report_id", length = 36)
    private String reportId;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "party_id", nullable = false, length = 36)
    private String partyId;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal opening;

    @Column(name = "payments_count", nullable = false)
    private long paymentsCount;

    @Column(name = "payments_sum", nullable = false, precision = 19, scale = 4)
    private BigDecimal paymentsSum;

    @Column(name = "refunds_count", nullable = false)
    private long refundsCount;

    @Column(name = "refunds_sum", nullable = false, precision = 19, scale = 4)
    private BigDecimal refundsSum;

    @Column(name = "deposits_sum", nullable = false, precision = 19, scale = 4)
    private BigDecimal depositsSum;

    @Column(name = "transfers_sum", nullable = false, precision = 19, scale = 4)
    private BigDecimal transfersSum;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal closing;

    protected SettlementLine() {
    }

    public SettlementLine(String reportId, Figures figures) {
        this.reportId = reportId;
        this.accountId = figures.accountId();
        this.partyId = figures.partyId();
        this.currency = figures.currency();
        this.opening = figures.opening();
        this.paymentsCount = figures.paymentsCount();
        this.paymentsSum = figures.paymentsSum();
        this.refundsCount = figures.refundsCount();
        this.refundsSum = figures.refundsSum();
        this.depositsSum = figures.depositsSum();
        this.transfersSum = figures.transfersSum();
        this.closing = figures.closing();
    }

    /**
     * A line's figures. Refunds are negative (money given back), transfers are the account's other
     * movements; opening plus every movement is the closing balance, or the report is wrong.
     */
    public record Figures(long accountId, String partyId, String currency, BigDecimal opening, long paymentsCount,
                          BigDecimal paymentsSum, long refundsCount, BigDecimal refundsSum, BigDecimal depositsSum,
                          BigDecimal transfersSum, BigDecimal closing) {

        public BigDecimal movements() {
            return paymentsSum.add(refundsSum).add(depositsSum).add(transfersSum);
        }

        public boolean adds() {
            return opening.add(movements()).compareTo(closing) == 0;
        }
    }

    public Figures figures() {
        return new Figures(accountId, partyId, currency, opening, paymentsCount, paymentsSum, refundsCount, refundsSum,
                depositsSum, transfersSum, closing);
    }
}
