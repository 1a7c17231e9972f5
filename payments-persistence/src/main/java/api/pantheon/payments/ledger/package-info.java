/** Accounts and the append-only double-entry ledger that is the only way their balances change. */
package api.pantheon.payments.ledger;
