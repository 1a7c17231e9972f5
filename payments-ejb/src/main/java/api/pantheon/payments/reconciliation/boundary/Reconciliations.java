package api.pantheon.payments.reconciliation.boundary;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.jobs.boundary.Jobs;
import api.pantheon.payments.jobs.entity.JobRunView;
import api.pantheon.payments.ledger.entity.Account;
import api.pantheon.payments.payments.boundary.Submissions;
import api.pantheon.payments.payments.control.Answers;
import api.pantheon.payments.payments.control.BusinessSystem;
import api.pantheon.payments.payments.entity.Payment;
import api.pantheon.payments.payments.entity.PaymentKind;
import api.pantheon.payments.payments.entity.PaymentStatus;
import api.pantheon.payments.payments.entity.SubmissionView;
import api.pantheon.payments.reconciliation.entity.LineOutcome;
import api.pantheon.payments.reconciliation.entity.ReconciliationLine;
import api.pantheon.payments.reconciliation.entity.ReconciliationLineView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reconciliation with the business system: each line of its settlement file for a day against the
 * payment we recorded. A payment still unknown to us that the file shows decided is settled through
 * the one settle path, which settles a payment once however many ask at the same moment (the
 * reconciliation sweep included); every difference is kept as a line of the run.
 */
@Stateless
public class Reconciliations {

    public static final String JOB = "reconciliation";
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern STATUS = Pattern.compile("[A-Z_]{1,16}");
    private static final int SUBMISSION_ID_MAX = 64;
    /** How far back the dashboard looks for the latest reconciliation among all runs. */
    private static final int RECENT_RUNS = 50;

    /** One line of their file as it was written. */
    public record TheirLine(long number, String submissionId, String amount, String currency, String status)
            implements Serializable {
    }

    /** A run's figures by outcome, and its differences (the first {@code limit} of them). */
    public record Summary(JobRunView run, String day, Map<LineOutcome, Long> counts, List<ReconciliationLineView> mismatches) {

        public long mismatchCount() {
            return counts.entrySet().stream().filter(count -> count.getKey().isMismatch()).mapToLong(Map.Entry::getValue).sum();
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    BusinessSystem businessSystem;

    @Inject
    Submissions submissions;

    @Inject
    Answers answers;

    @Inject
    Jobs jobs;

    /** Shared by every instance of a cluster: a file kept by one is read by another. */
    @Inject
    @ConfigProperty(name = "payments.files.dir")
    String filesDir;

    /**
     * Their file for the day, fetched once per run and kept under the data directory, so that a
     * restarted run reads the very file its checkpoint counted lines of.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Path theirFile(String runId, LocalDate day) throws IOException {
        if (!businessSystem.isConfigured()) {
            throw new IllegalStateException("No business system is configured (payments.business-system.url)");
        }
        Path folder = Files.createDirectories(Path.of(filesDir, "reconciliation"));
        Path file = folder.resolve(runId + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        Path partial = folder.resolve(runId + ".part");
        if (!businessSystem.settlementFile(day, partial)) {
            throw new IllegalStateException("The business system has no settlement file for " + day);
        }
        return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The last line of their file the run has recorded: a run begun afresh goes on after it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long lastLine(String runId) {
        Number last = em.createNamedQuery(ReconciliationLine.LAST_LINE, Number.class).setParameter("run", runId).getSingleResult();
        return last == null ? 0 : last.longValue();
    }

    /** One line of their file, in its chunk's transaction; settling a payment commits on its own. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public LineOutcome match(String runId, LocalDate day, TheirLine theirs) {
        String submissionId = theirs.submissionId() == null ? "" : theirs.submissionId();
        if (submissionId.isEmpty() || submissionId.length() > SUBMISSION_ID_MAX || !readable(theirs)) {
            return recorded(new ReconciliationLine(runId, theirs.number(), day, shortened(submissionId), LineOutcome.UNREADABLE));
        }
        BigDecimal theirAmount = new BigDecimal(theirs.amount());
        Function<LineOutcome, ReconciliationLine> line = outcome -> new ReconciliationLine(runId, theirs.number(), day,
                submissionId, outcome).theirs(theirAmount, theirs.currency(), theirs.status());
        if (em.createNamedQuery(ReconciliationLine.LISTED, Long.class).setParameter("run", runId)
                .setParameter("submission", submissionId).getSingleResult() > 0) {
            return recorded(line.apply(LineOutcome.DUPLICATE));
        }
        Optional<Payment> ours = submission(submissionId);
        if (ours.isEmpty()) {
            return recorded(line.apply(LineOutcome.MISSING_OURS));
        }
        Payment payment = ours.get();
        boolean sameSum = payment.amount().amount().compareTo(theirAmount) == 0
                && payment.amount().currencyCode().equals(theirs.currency());
        Optional<BusinessSystem.Answer> decided = LineOutcome.settledAs(theirs.status())
                .map(status -> status == PaymentStatus.COMPLETED ? BusinessSystem.Answer.APPROVED : BusinessSystem.Answer.DECLINED);
        LineOutcome outcome = null;
        if (!payment.status().isFinal() && sameSum && decided.isPresent()) {
            Optional<SubmissionView> settled = submissions.settle(submissionId, decided.get());
            if (settled.isPresent()) {
                answers.answered(settled.get());
                outcome = LineOutcome.SETTLED;
            }
            em.refresh(payment);
        }
        if (outcome == null) {
            outcome = payment.status().isFinal()
                    ? LineOutcome.compared(payment.amount().amount(), payment.amount().currencyCode(), payment.status(),
                            theirAmount, theirs.currency(), theirs.status())
                    : sameSum ? LineOutcome.STATUS_MISMATCH : LineOutcome.AMOUNT_MISMATCH;
        }
        return recorded(line.apply(outcome).ours(payment.requestId().orElse(null), payment.amount().amount(),
                payment.amount().currencyCode(), payment.status().name()));
    }

    /**
     * Our payments to the business system that day which its file does not list, in one statement:
     * run again, it adds none twice.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int missingTheirs(String runId, LocalDate day) {
        return em.createNativeQuery("INSERT INTO reconciliation_line (run_id, submission_id, line_number, report_day, outcome,"
                        + " request_id, our_amount, our_currency, our_status)"
                        + " SELECT ?1, p.id, 0, ?2, 'MISSING_THEIRS', p.request_id, p.amount, p.currency, p.status"
                        + " FROM payment p JOIN account a ON a.id = p.payer_account_id"
                        + " WHERE p.kind = 'PAYMENT' AND a.kind IN ('CARD', 'BANK') AND p.created_at >= ?3 AND p.created_at < ?4"
                        + " AND NOT EXISTS (SELECT 1 FROM reconciliation_line l WHERE l.run_id = ?1 AND l.submission_id = p.id)")
                .setParameter(1, runId).setParameter(2, day)
                .setParameter(3, day.atStartOfDay().atOffset(ZoneOffset.UTC))
                .setParameter(4, day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** A reconciliation run's figures and its first differences. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Summary summary(String runId, int limit) {
        JobRunView run = jobs.find(runId);
        if (!JOB.equals(run.jobName())) {
            throw ErrorCode.NOT_FOUND.exception("No reconciliation run " + runId);
        }
        Map<LineOutcome, Long> counts = new EnumMap<>(LineOutcome.class);
        for (LineOutcome outcome : LineOutcome.values()) {
            counts.put(outcome, 0L);
        }
        em.createNamedQuery(ReconciliationLine.COUNTS, Object[].class).setParameter("run", runId).getResultList()
                .forEach(row -> counts.put((LineOutcome) row[0], ((Number) row[1]).longValue()));
        // EclipseLink reads a limit of 0 as none at all: asked for no lines, it is not asked.
        List<ReconciliationLineView> mismatches = limit == 0 ? List.of()
                : em.createNamedQuery(ReconciliationLine.MISMATCHES, ReconciliationLine.class).setParameter("run", runId)
                        .setMaxResults(limit).getResultList().stream().map(ReconciliationLine::view).toList();
        return new Summary(run, jobs.parametersOf(runId).get("date"), counts, mismatches);
    }

    /** The latest reconciliation run's figures, if one has run: what the dashboard shows. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Summary> latest(int limit) {
        return jobs.recent(RECENT_RUNS).stream().filter(run -> JOB.equals(run.jobName()) && !run.status().isActive())
                .findFirst().map(run -> summary(run.id(), limit));
    }

    /** A run's lines after the given one, in file order: a page of its full listing. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ReconciliationLineView> lines(String runId, long afterLine, String afterSubmission, int limit) {
        return em.createNamedQuery(ReconciliationLine.OF_RUN, ReconciliationLine.class).setParameter("run", runId)
                .setParameter("line", afterLine).setParameter("submission", afterSubmission).setMaxResults(limit)
                .getResultList().stream().map(ReconciliationLine::view).toList();
    }

    private Optional<Payment> submission(String submissionId) {
        return Optional.ofNullable(em.find(Payment.class, submissionId))
                .filter(payment -> payment.kind() == PaymentKind.PAYMENT
                        && em.find(Account.class, payment.payerAccountId()).kind().isExternal());
    }

    private LineOutcome recorded(ReconciliationLine line) {
        em.persist(line);
        return line.outcome();
    }

    private static boolean readable(TheirLine theirs) {
        return theirs.amount() != null && AMOUNT.matcher(theirs.amount()).matches()
                && theirs.currency() != null && CURRENCY.matcher(theirs.currency()).matches()
                && theirs.status() != null && STATUS.matcher(theirs.status()).matches();
    }

    private static String shortened(String submissionId) {
        return submissionId.isEmpty() ? "(none)" : submissionId.substring(0, Math.min(SUBMISSION_ID_MAX, submissionId.length()));
    }
}
