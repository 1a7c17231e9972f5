package api.pantheon.payments.reports.entity;

import api.pantheon.payments.ids.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One UTC day's settlement, per merchant account: written once, never changed. {@code until} is the
 * end of the day, or the moment it was made for a report of the day so far.
 */
@Entity
@Table(name = "settlement_report")
@NamedQuery(name = SettlementReport.LATEST, query = "select r from SettlementReport r order by r.createdAt desc")
public class SettlementReport {

    public static final String LATEST = "SettlementReport.latest";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "report_day", nullable = false, updatable = false)
    private LocalDate day;

    @Column(name = "covers_to", nullable = false, updatable = false)
    private OffsetDateTime until;

    @Column(name = "job_run_id", length = 36, updatable = false)
    private String jobRunId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected SettlementReport() {
    }

    public SettlementReport(LocalDate day, Instant until, String jobRunId, Instant now) {
        this.id = TimeOrderedIds.next();
        this.day = day;
        this.until = until.atOffset(ZoneOffset.UTC);
        this.jobRunId = jobRunId;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public LocalDate day() {
        return day;
    }

    public Instant until() {
        return until.toInstant();
    }

    public String jobRunId() {
        return jobRunId;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
