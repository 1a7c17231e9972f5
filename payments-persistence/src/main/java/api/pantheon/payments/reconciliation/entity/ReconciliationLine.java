package api.pantheon.payments.reconciliation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a reconciliation run: a line of the business system's file (by its number), or a
 * payment of ours its file does not list (line 0), with what each side says.
 */
@Entity
@Table(name = "reconciliation_line")
@IdClass(ReconciliationLine.Key.class)
@NamedQuery(name = ReconciliationLine.OF_RUN, query = "select l from ReconciliationLine l where l.runId = :run"
        + " and (l.lineNumber > :line or (l.lineNumber = :line and l.submissionId > :submission))"
        + " order by l.lineNumber, l.submissionId")
@NamedQuery(name = ReconciliationLine.MISMATCHES, query = "select l from ReconciliationLine l where l.runId = :run"
        + " and l.outcome not in (api.pantheon.payments.reconciliation.entity.LineOutcome.MATCHED,"
        + " api.pantheon.payments.reconciliation.entity.LineOutcome.SETTLED) order by l.lineNumber, l.submissionId")
@NamedQuery(name = ReconciliationLine.COUNTS, query = "select l.outcome, count(l) from ReconciliationLine l"
        + " where l.runId = :run group by l.outcome")
@NamedQuery(name = ReconciliationLine.LAST_LINE, query = "select max(l.lineNumber) from ReconciliationLine l"
        + " where l.runId = :run")
@NamedQuery(name = ReconciliationLine.LISTED, query = "select count(l) from ReconciliationLine l"
        + " where l.runId = :run and l.submissionId = :submission and l.lineNumber > 0")
public class ReconciliationLine {

    /** A run's lines after a given one, in file order (ours that they lack come first, as line 0). */
    public static final String OF_RUN = "ReconciliationLine.ofRun";
    public static final String MISMATCHES = "ReconciliationLine.mismatches";
    public static final String COUNTS = "ReconciliationLine.counts";
    public static final String LAST_LINE = "ReconciliationLine.lastLine";
    /** Whether the run has met a submission in their file already. */
    public static final String LISTED = "ReconciliationLine.listed";

    public static class Key implements Serializable {
        private String runId;
        private String submissionId;
        private Long lineNumber;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(runId, key.runId)
                    && Objects.equals(submissionId, key.submissionId) && Objects.equals(lineNumber, key.lineNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, submissionId, lineNumber);
        }
    }

    @Id
    @Column(name = "run_id", length = 36)
    private String runId;

    @Id
    @Column(name = "submission_id", length = 64)
    private String submissionId;

    @Id
    @Column(name = "line_number")
    private Long lineNumber;

    @Column(name = "report_day", nullable = false)
    private LocalDate reportDay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LineOutcome outcome;

    @Column(name = "request_id", length = 36)
    private String requestId;

    @Column(name = "our_amount", precision = 19, scale = 4)
    private BigDecimal ourAmount;

    @Column(name = "our_currency", length = 3)
    private String ourCurrency;

    @Column(name = "our_status", length = 16)
    private String ourStatus;

    @Column(name = "their_amount", precision = 19, scale = 4)
    private BigDecimal theirAmount;

    @Column(name = "their_currency", length = 3)
    private String theirCurrency;

    @Column(name = "their_status", length = 16)
    private String theirStatus;

    protected ReconciliationLine() {
    }

    /** A line of their file; what they said is kept only where it could be read. */
    public ReconciliationLine(String runId, long lineNumber, LocalDate reportDay, String submissionId, LineOutcome outcome) {
        this.runId = runId;
        this.lineNumber = lineNumber;
        this.reportDay = reportDay;
        this.submissionId = submissionId;
        this.outcome = outcome;
    }

    public ReconciliationLine theirs(BigDecimal amount, String currency, String status) {
        this.theirAmount = amount;
        this.theirCurrency = currency;
        this.theirStatus = status;
        return this;
    }

    public ReconciliationLine ours(String requestId, BigDecimal amount, String currency, String status) {
        this.requestId = requestId;
        this.ourAmount = amount;
        this.ourCurrency = currency;
        this.ourStatus = status;
        return this;
    }

    public ReconciliationLineView view() {
        return new ReconciliationLineView(lineNumber, submissionId, outcome, requestId, ourAmount, ourCurrency, ourStatus,
                theirAmount, theirCurrency, theirStatus);
    }

    public LineOutcome outcome() {
        return outcome;
    }
}
