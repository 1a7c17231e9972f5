package api.pantheon.payments.ledger.entity;

public enum AccountKind {
    /** Money a party holds with us. */
    WALLET,
    /** The per-currency counterpart of deposits; the only kind that may go below zero. */
    SYSTEM
}
