package api.pantheon.payments.admin;

import api.pantheon.payments.retention.boundary.Retention;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.TreeMap;

/**
 * A job's parameters: for settlement-report and reconciliation, the UTC day (today reports the day so
 * far); for retention, optionally, its retention in days for this run instead of the configured one.
 */
public record JobBody(
        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a day such as 2026-12-01") String date,
        @Min(value = 0, message = "must be 0 or more") @Max(value = 36_500, message = "must be at most 36500") Integer deliveriesDays,
        @Min(value = 0, message = "must be 0 or more") @Max(value = 36_500, message = "must be at most 36500") Integer requestsDays) {

    /** The parameters as the job reads them: only those given. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new TreeMap<>();
        if (date != null) {
            parameters.put("date", date);
        }
        if (deliveriesDays != null) {
            parameters.put(Retention.DELIVERIES_DAYS, deliveriesDays.toString());
        }
        if (requestsDays != null) {
            parameters.put(Retention.REQUESTS_DAYS, requestsDays.toString());
        }
        return parameters;
    }
}
