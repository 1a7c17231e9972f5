/** Accounts and the append-only ledger (every debit has its credit) that is the only way their balances change. */
package api.pantheon.payments.ledger;
