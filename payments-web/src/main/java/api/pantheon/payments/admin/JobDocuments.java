package api.pantheon.payments.admin;

import api.pantheon.payments.dialects.Rfc3339;
import api.pantheon.payments.jobs.entity.JobRunView;
import api.pantheon.payments.reconciliation.entity.LineOutcome;
import api.pantheon.payments.reconciliation.entity.ReconciliationLineView;
import api.pantheon.payments.reports.boundary.SettlementView;
import api.pantheon.payments.reports.entity.SettlementLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What the jobs and reports API shows. */
public final class JobDocuments {

    private JobDocuments() {
    }

    /** A run: where it stands, how far it has come, and how it ended. */
    public record JobRun(String id, String job, String status, String parameters, Long rowsTotal, long rowsDone,
                         long rowsFailed, Integer percent, String instance, String startedBy, String started,
                         String updated, String ended, String outcome, RunLinks links) {
        static JobRun of(JobRunView run, String self) {
            return new JobRun(run.id(), run.jobName(), run.status().name(), run.parameters().orElse(null),
                    run.rowsTotal().orElse(null), run.rowsDone(), run.rowsFailed(), run.percent().orElse(null),
                    run.instanceId(), run.startedBy(), Rfc3339.format(run.startedAt()), Rfc3339.format(run.updatedAt()),
                    run.endedAt().map(Rfc3339::format).orElse(null), run.outcome().orElse(null), new RunLinks(self));
        }
    }

    /** Where a run is followed. */
    public record RunLinks(String self) {
    }

    /** Where a report is downloaded, in each form. */
    public record ReportLinks(String json, String csv) {
    }

    /** A report in a list: its day and where to download it. */
    public record Report(String id, String day, String until, String created, ReportLinks links) {
        static Report of(SettlementView report, String self) {
            return new Report(report.id(), report.day().toString(), Rfc3339.format(report.until()),
                    Rfc3339.format(report.createdAt()), new ReportLinks(self, self + "?format=csv"));
        }
    }

    /** One merchant account's day. */
    public record ReportLine(long accountId, String partyId, String currency, BigDecimal opening, long paymentsCount,
                             BigDecimal paymentsSum, long refundsCount, BigDecimal refundsSum, BigDecimal depositsSum,
                             BigDecimal transfersSum, BigDecimal closing) {
        public static ReportLine of(SettlementLine.Figures line) {
            return new ReportLine(line.accountId(), line.partyId(), line.currency(), plain(line.opening()),
                    line.paymentsCount(), plain(line.paymentsSum()), line.refundsCount(), plain(line.refundsSum()),
                    plain(line.depositsSum()), plain(line.transfersSum()), plain(line.closing()));
        }

        static BigDecimal plain(BigDecimal amount) {
            BigDecimal stripped = amount.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    /** A whole report. */
    public record ReportDocument(String id, String day, String until, String created, String jobRun,
                                 List<ReportLine> lines) {
        public static ReportDocument of(SettlementView report) {
            return new ReportDocument(report.id(), report.day().toString(), Rfc3339.format(report.until()),
                    Rfc3339.format(report.createdAt()), report.jobRunId(),
                    report.lines().stream().map(ReportLine::of).toList());
        }
    }

    /** A reconciliation run's lines by outcome. */
    public record ReconciliationCounts(long matched, long settled, long missingOurs, long missingTheirs, long amountMismatch,
                                       long statusMismatch, long duplicate, long unreadable) {
        static ReconciliationCounts of(Map<LineOutcome, Long> counts) {
            return new ReconciliationCounts(counts.get(LineOutcome.MATCHED), counts.get(LineOutcome.SETTLED),
                    counts.get(LineOutcome.MISSING_OURS), counts.get(LineOutcome.MISSING_THEIRS),
                    counts.get(LineOutcome.AMOUNT_MISMATCH), counts.get(LineOutcome.STATUS_MISMATCH),
                    counts.get(LineOutcome.DUPLICATE), counts.get(LineOutcome.UNREADABLE));
        }
    }

    /** One line: what their file said and what we recorded (line 0: ours, absent from their file). */
    public record ReconciliationLine(long line, String submissionId, String outcome, String requestId,
                                     BigDecimal ourAmount, String ourCurrency, String ourStatus,
                                     BigDecimal theirAmount, String theirCurrency, String theirStatus) {
        static ReconciliationLine of(ReconciliationLineView line) {
            return new ReconciliationLine(line.lineNumber(), line.submissionId(), line.outcome().name().toLowerCase(),
                    line.requestId(), line.ourAmount() == null ? null : ReportLine.plain(line.ourAmount()), line.ourCurrency(),
                    line.ourStatus(), line.theirAmount() == null ? null : ReportLine.plain(line.theirAmount()),
                    line.theirCurrency(), line.theirStatus());
        }
    }

    /** A reconciliation run: its day, its figures and its differences. */
    public record ReconciliationDocument(JobRun run, String day, ReconciliationCounts counts,
                                         List<ReconciliationLine> mismatches, ReportLinks links) {
    }
}
