package api.pantheon.payments.reports.boundary;

import api.pantheon.payments.reports.entity.SettlementLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A settlement report as read: its day, how far it reaches, and its lines. */
public record SettlementView(String id, LocalDate day, Instant until, Instant createdAt, String jobRunId,
                             List<SettlementLine.Figures> lines) {
}
