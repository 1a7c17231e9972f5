package api.pantheon.payments.bulk.boundary;

import api.pantheon.payments.bulk.entity.BulkRow;
import java.util.Optional;

/** One row's outcome as the results file shows it. */
public record BulkOutcome(long row, Optional<String> externalId, Optional<String> requestId, Optional<String> errorCode,
                          Optional<String> errorMessage) {

    static BulkOutcome of(BulkRow row) {
        return new BulkOutcome(row.rowNumber(), row.externalId(), row.requestId(), row.errorCode(), row.errorMessage());
    }
}
