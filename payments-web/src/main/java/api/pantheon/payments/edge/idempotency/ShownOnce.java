package api.pantheon.payments.edge.idempotency;

/**
 * An answer that holds a secret its receiver sees exactly once (an API key's token and signing
 * secret). Nothing keeps such an answer: the idempotency filter records that the call ran, never
 * what it said, so a retry cannot show the secret again.
 */
public interface ShownOnce {
}
