package api.pantheon.payments.ledger.entity;

public enum AccountKind {
    /** Money a party holds with us. */
    WALLET,
    /** A card paid through a business system: money comes from outside, through clearing. */
    CARD,
    /** A bank account paid through a business system, like a card. */
    BANK,
    /** The per-currency counterpart of deposits. */
    SYSTEM,
    /** The per-currency counterpart of money approved by business systems. */
    CLEARING;

    /** Whether payments from this kind of account are decided by a business system, not by its balance. */
    public boolean isExternal() {
        return this == CARD || this == BANK;
    }

    /** Only the platform's own counterpart accounts may go below zero. */
    public boolean mayGoNegative() {
        return this == SYSTEM || this == CLEARING;
    }
}
