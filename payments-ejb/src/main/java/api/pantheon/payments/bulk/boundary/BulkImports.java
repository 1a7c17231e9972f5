package api.pantheon.payments.bulk.boundary;

import api.pantheon.payments.bulk.entity.BulkRow;
import api.pantheon.payments.errors.ErrorCode;
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

    @Inject
    @ConfigProperty(name = "payments.data.dir")
    String dataDir;

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
        return Path.of(dataDir, "bulk", name);
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

    /**
     * One row, in a transaction of its own: the request made (or found by its external_id) and the
     * row's outcome stand or fall together. A row already done (a restart) is left as it was; the
     * answer says whether the row has its request.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean importRow(String runId, String merchantPartyId, long rowNumber, String externalId, NewPaymentRequest order) {
        BulkRow done = em.find(BulkRow.class, new BulkRow.Key(runId, rowNumber));
        if (done != null) {
            return done.requestId().isPresent();
        }
        String requestId = requests.create(merchantPartyId, order, externalId).id();
        em.persist(BulkRow.made(runId, rowNumber, externalId, requestId));
        return true;
    }

    /** A row refused, with the error the API would have answered, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rowRefused(String runId, long rowNumber, String externalId, ErrorCode error, String message) {
        if (em.find(BulkRow.class, new BulkRow.Key(runId, rowNumber)) == null) {
            em.persist(BulkRow.refused(runId, rowNumber, externalId, String.valueOf(error.code()), message));
        }
    }

    /** How far a run stands by its rows' own records. */
    public record Recorded(long lastRow, long done, long failed) {
    }

    /**
     * What a run's rows say is done. Rows commit one by one, so after a crash they may be ahead of the
     * batch runtime's last checkpoint; a run begun afresh goes on after the last of them.
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
