package api.pantheon.payments.reports.boundary;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.reports.entity.SettlementLine;
import api.pantheon.payments.reports.entity.SettlementReport;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily settlement report: for one UTC day (or today so far), per merchant account, the opening
 * balance, payments received, refunds, deposits, other transfers and the closing balance, every
 * figure summed from ledger postings. It refuses to exist if the figures do not add up or if any
 * currency's postings do not sum to zero.
 */
@Stateless
public class SettlementReports {

    private static final String MERCHANT_POSTINGS = " FROM posting p JOIN account a ON a.id = p.account_id"
            + " JOIN party pa ON pa.id = a.party_id WHERE pa.kind = 'MERCHANT'";

    @PersistenceContext
    EntityManager em;

    @Inject
    ReportFormats formats;

    @Inject
    Clock clock;

    /** Shared by every instance of a cluster: a file kept by one is read by another. */
    @Inject
    @ConfigProperty(name = "payments.files.dir")
    String filesDir;

    /** Makes, checks, stores and writes out the report of {@code day}; today's covers the day so far. */
    public SettlementView produce(LocalDate day, String jobRunId) {
        Instant now = clock.instant();
        Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant dayEnd = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (from.isAfter(now)) {
            throw ErrorCode.INVALID_DATA.exception("date: " + day + " has not begun");
        }
        Instant until = dayEnd.isAfter(now) ? now : dayEnd;
        requireEveryCurrencySumsToZero(until);
        Map<Long, BigDecimal> opening = balances(from);
        Map<Long, BigDecimal> closing = balances(until);
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, BigDecimal[]> sums = new HashMap<>();
        for (Object[] row : rows("SELECT p.account_id, t.kind, COUNT(*), SUM(p.amount)" + MERCHANT_POSTINGS.replace(
                " WHERE", " JOIN ledger_transaction t ON t.id = p.transaction_id WHERE")
                + " AND p.created_at >= ?1 AND p.created_at < ?2 GROUP BY p.account_id, t.kind", from, until)) {
            long account = ((Number) row[0]).longValue();
            int column = switch (String.valueOf(row[1])) {
                case "PAYMENT" -> 0;
                case "REFUND" -> 1;
                case "DEPOSIT" -> 2;
                default -> 3;
            };
            counts.computeIfAbsent(account, a -> new long[4])[column] += ((Number) row[2]).longValue();
            BigDecimal[] accountSums = sums.computeIfAbsent(account, a -> zeros());
            accountSums[column] = accountSums[column].add((BigDecimal) row[3]);
        }
        SettlementReport report = new SettlementReport(day, until, jobRunId, now);
        List<SettlementLine.Figures> lines = new ArrayList<>();
        for (Object[] account : rows("SELECT a.id, a.party_id, a.currency FROM account a JOIN party pa ON pa.id = a.party_id"
                + " WHERE pa.kind = 'MERCHANT' ORDER BY a.id")) {
            long id = ((Number) account[0]).longValue();
            long[] count = counts.getOrDefault(id, new long[4]);
            BigDecimal[] sum = sums.getOrDefault(id, zeros());
            SettlementLine.Figures figures = new SettlementLine.Figures(id, (String) account[1], (String) account[2],
                    opening.getOrDefault(id, BigDecimal.ZERO), count[0], sum[0], count[1], sum[1], sum[2], sum[3],
                    closing.getOrDefault(id, BigDecimal.ZERO));
            if (!figures.adds()) {
                throw new IllegalStateException("Settlement of " + day + ": account " + id + " opened at " + figures.opening()
                        + " and moved " + figures.movements() + " but closed at " + figures.closing());
            }
            lines.add(figures);
        }
        em.persist(report);
        // The lines name their report: it must be in the database before them.
        em.flush();
        lines.forEach(figures -> em.persist(new SettlementLine(report.id(), figures)));
        SettlementView view = new SettlementView(report.id(), day, until, now, jobRunId, lines);
        writeFiles(view);
        return view;
    }

    private void requireEveryCurrencySumsToZero(Instant until) {
        Map<String, BigDecimal> unbalanced = new TreeMap<>();
        for (Object[] row : rows("SELECT currency, SUM(amount) FROM posting WHERE created_at < ?1 GROUP BY currency", until)) {
            BigDecimal total = (BigDecimal) row[1];
            if (total.signum() != 0) {
                unbalanced.put((String) row[0], total);
            }
        }
        if (!unbalanced.isEmpty()) {
            throw new IllegalStateException("The ledger does not balance: postings sum to " + unbalanced);
        }
    }

    private Map<Long, BigDecimal> balances(Instant before) {
        Map<Long, BigDecimal> balances = new HashMap<>();
        for (Object[] row : rows("SELECT p.account_id, SUM(p.amount)" + MERCHANT_POSTINGS + " AND p.created_at < ?1"
                + " GROUP BY p.account_id", before)) {
            balances.put(((Number) row[0]).longValue(), (BigDecimal) row[1]);
        }
        return balances;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Instant... times) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < times.length; i++) {
            query.setParameter(i + 1, times[i].atOffset(ZoneOffset.UTC));
        }
        return query.getResultList();
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    /** The report in every registered format, under {@code <data>/reports}: what finance picks up. */
    private void writeFiles(SettlementView view) {
        try {
            Path folder = Files.createDirectories(Path.of(filesDir, "reports"));
            for (ReportFormat format : formats.all()) {
                Path file = folder.resolve(fileName(view, format));
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    format.write(view, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the settlement report of " + view.day(), e);
        }
    }

    public static String fileName(SettlementView view, ReportFormat format) {
        return "settlement-" + view.day() + "-" + view.id() + "." + format.extension();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SettlementView> recent(int limit) {
        return em.createNamedQuery(SettlementReport.LATEST, SettlementReport.class).setMaxResults(limit).getResultList()
                .stream().map(report -> new SettlementView(report.id(), report.day(), report.until(), report.createdAt(),
                        report.jobRunId(), List.of())).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SettlementView find(String id) {
        SettlementReport report = id == null ? null : em.find(SettlementReport.class, id);
        if (report == null) {
            throw ErrorCode.NOT_FOUND.exception("No settlement report " + id);
        }
        List<SettlementLine.Figures> lines = em.createNamedQuery(SettlementLine.OF_REPORT, SettlementLine.class)
                .setParameter("report", id).getResultList().stream().map(SettlementLine::figures).toList();
        return new SettlementView(report.id(), report.day(), report.until(), report.createdAt(), report.jobRunId(), lines);
    }

}
