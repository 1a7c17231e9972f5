/** Idempotency keys: a retried call gets the first answer again instead of acting twice. */
package api.pantheon.payments.idempotency;
