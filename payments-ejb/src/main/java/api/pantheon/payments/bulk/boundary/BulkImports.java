package api.pantheon.payments.bulk.boundary;

import api.pantheon.payments.bulk.entity.BulkRow;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.errors.PaymentsException;
import api.pantheon.payments.jobs.boundary.Jobs;
import api.pantheon.payments.jobs.entity.JobRunView;
import api.pantheon.payments.requests.boundary.NewPaymentRequest;
import api.pantheon.payments.requests.boundary.PaymentRequests;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payment requests in bulk, from a merchant's CSV file: the file is kept under the data directory as
 * it streams in (never whole in memory), a bulk-requests run imports it, and each row's outcome is
 * kept for the results file. A row's external_id makes it once, however often it is imported.
 */
@Stateless
public class BulkImports {

    public static final String JOB = "bulk-requests";
    static final String FILE = "file";
    static final String PARTY = "party";

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    PaymentRequests requests;

    /** Shared by every instance of a cluster: a file kept by one is read by another. */
    @Inject
    @ConfigProperty(name = "payments.files.dir")
    String filesDir;

    @Inject
    @ConfigProperty(name = "payments.bulk.max-bytes", defaultValue = "52428800")
    long maxBytes;

    /** Keeps the upload (refusing it past the configured size) and starts its import. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JobRunView receive(String merchantPartyId, InputStream csv) {
        String name = UUID.randomUUID() + ".csv";
        Path file = fileOf(name);
        try {
            Files.createDirectories(file.getParent());
            long written = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int read = csv.read(buffer); read >= 0; read = csv.read(buffer)) {
                    written += read;
                    if (written > maxBytes) {
                        throw ErrorCode.PAYLOAD_TOO_LARGE.exception("request body: a bulk file may be at most " + maxBytes + " bytes");
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (written == 0) {
                throw ErrorCode.INVALID_DATA.exception("request body: the file is empty");
            }
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("cannot keep a bulk file", e);
        } catch (RuntimeException refused) {
            deleteQuietly(file);
            throw refused;
        }
        return jobs.start(JOB, Map.of(FILE, name, PARTY, merchantPartyId));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A partial upload left behind holds nothing anyone can reach.
        }
    }

    /** Where a kept upload is; only names this class made are accepted. */
    public Path fileOf(String name) {
        if (name == null || !name.matches("[0-9a-f-]{36}\\.csv")) {
            throw new IllegalArgumentException("not a bulk file name: " + name);
        }
        return Path.of(filesDir, "bulk", name);
    }

    /** A run of this merchant's, or not found: no one sees another merchant's imports. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JobRunView runOf(String runId, String merchantPartyId) {
        JobRunView run = jobs.find(runId);
        if (!JOB.equals(run.jobName()) || !run.parameters().orElse("").contains(PARTY + "=" + merchantPartyId)) {
            throw ErrorCode.NOT_FOUND.exception("No bulk import " + runId);
        }
        return run;
    }

    /** A row of a bulk file as read: its order, or why it could not be read as one. */
    public record Row(long number, String externalId, NewPaymentRequest order, PaymentsException unreadable) {
    }

    /**
     * A chunk of rows in the chunk's own transaction, with their outcomes: the requests, the rows'
     * outcomes and the run's progress commit together, and a restart goes on after the last recorded
     * row, so a row is never done twice nor counted twice. How many rows made (or found, by
     * external_id) their request.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long importRows(String runId, String merchantPartyId, List<Row> rows) {
        long made = 0;
        for (Row row : rows) {
            PaymentsException refused = row.unreadable();
            if (refused == null) {
                PaymentRequests.Attempt attempt = requests.attempt(merchantPartyId, row.order(), row.externalId());
                refused = attempt.refused();
                if (refused == null) {
                    em.persist(BulkRow.made(runId, row.number(), row.externalId(), attempt.made().id()));
                    made++;
                }
            }
            if (refused != null) {
                em.persist(BulkRow.refused(runId, row.number(), row.externalId(), String.valueOf(refused.error().code()),
                        refused.getMessage()));
            }
            // Written and let go row by row: every query of the next row would otherwise first compare
            // each entity the chunk has made so far, and a chunk would cost the square of its size.
            em.flush();
            em.clear();
        }
        return made;
    }

    /** How far a run stands by its rows' own records. */
    public record Recorded(long lastRow, long done, long failed) {
    }

    /**
     * What a run's rows say is done: where a run goes on. The batch runtime's checkpoint is written
     * apart from the chunk's transaction, so it is not the measure (see BulkRowReader).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Recorded recorded(String runId) {
        Object[] counts = (Object[]) em.createNamedQuery(BulkRow.RECORDED).setParameter("run", runId).getSingleResult();
        return new Recorded(counts[0] == null ? 0 : ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(),
                ((Number) counts[2]).longValue());
    }

    /** The outcomes after row {@code after}, in row order, a page at a time. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<BulkOutcome> outcomes(String runId, long after, int limit) {
        return em.createNamedQuery(BulkRow.OF_RUN, BulkRow.class).setParameter("run", runId).setParameter("after", after)
                .setMaxResults(limit).getResultList().stream().map(BulkOutcome::of).toList();
    }
}
