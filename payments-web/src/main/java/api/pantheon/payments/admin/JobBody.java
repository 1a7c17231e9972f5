package api.pantheon.payments.admin;

import jakarta.validation.constraints.Pattern;

/** A job's parameters: for settlement-report, the UTC day (today reports the day so far). */
public record JobBody(
        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a day such as 2026-12-01") String date) {
}
