package api.pantheon.payments.idempotency.boundary;

/** The first answer given to an idempotent call, replayed to its retries. */
public record StoredResponse(int status, String body) {
}
