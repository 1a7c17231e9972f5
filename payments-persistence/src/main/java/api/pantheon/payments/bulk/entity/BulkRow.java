package api.pantheon.payments.bulk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one row of a bulk file: the request it made or found, or the error that stopped it. */
@Entity
@Table(name = "bulk_row")
@IdClass(BulkRow.Key.class)
@NamedQuery(name = BulkRow.OF_RUN, query = "select b from BulkRow b where b.runId = :run and b.rowNumber > :after"
        + " order by b.rowNumber")
@NamedQuery(name = BulkRow.RECORDED, query = "select max(b.rowNumber), count(b.requestId), count(b.errorCode)"
        + " from BulkRow b where b.runId = :run")
public class BulkRow {

    public static final String OF_RUN = "BulkRow.ofRun";
    /** A run's last recorded row, and how many rows made (or found) a request and how many failed. */
    public static final String RECORDED = "BulkRow.recorded";
    private static final int MESSAGE_MAX = 500;
    private static final int EXTERNAL_ID_MAX = 64;

    /** A row is its run's row number. */
    public static class Key implements Serializable {
        private String runId;
        private Long rowNumber;

        public Key() {
        }

        public Key(String runId, long rowNumber) {
            this.runId = runId;
            this.rowNumber = rowNumber;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(runId, key.runId) && Objects.equals(rowNumber, key.rowNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, rowNumber);
        }
    }

    @Id
    @Column(name = "run_id", length = 36)
    private String runId;

    @Id
    @Column(name = "row_number")
    private Long rowNumber;

    @Column(name = "external_id", length = 64, updatable = false)
    private String externalId;

    @Column(name = "request_id", length = 36, updatable = false)
    private String requestId;

    @Column(name = "error_code", length = 8, updatable = false)
    private String errorCode;

    @Column(name = "error_message", length = MESSAGE_MAX, updatable = false)
    private String errorMessage;

    protected BulkRow() {
    }

    public static BulkRow made(String runId, long rowNumber, String externalId, String requestId) {
        BulkRow row = new BulkRow(runId, rowNumber, externalId);
        row.requestId = requestId;
        return row;
    }

    public static BulkRow refused(String runId, long rowNumber, String externalId, String errorCode, String message) {
        BulkRow row = new BulkRow(runId, rowNumber, externalId);
        row.errorCode = errorCode;
        row.errorMessage = message == null || message.length() <= MESSAGE_MAX ? message : message.substring(0, MESSAGE_MAX);
        return row;
    }

    private BulkRow(String runId, long rowNumber, String externalId) {
        this.runId = runId;
        this.rowNumber = rowNumber;
        // A refused row may carry an external_id too long to be one: kept cut, so that its outcome can be stored.
        this.externalId = externalId == null || externalId.length() <= EXTERNAL_ID_MAX ? externalId
                : externalId.substring(0, EXTERNAL_ID_MAX);
    }

    public long rowNumber() {
        return rowNumber;
    }

    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }
}
