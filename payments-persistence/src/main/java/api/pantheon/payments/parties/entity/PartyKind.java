package api.pantheon.payments.parties.entity;

public enum PartyKind {
    MERCHANT, PERSON, OPERATOR,
    /** Owns the per-currency accounts that fund deposits; never signs in. */
    SYSTEM
}
