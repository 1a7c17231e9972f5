/**
 * Reconciliation with the business system: its settlement file for a day, line by line, against the
 * payments the platform recorded; unknown payments it decided are settled, every difference is kept.
 */
package api.pantheon.payments.reconciliation;
