package api.pantheon.payments.operators.entity;

/** What an operator may do in the console; each role may do all that the ones before it may. */
public enum OperatorRole {
    /** Reads everything but secrets. */
    VIEWER,
    /** Also acts on requests, payments, callbacks and refunds. */
    OPERATOR,
    /** Also manages operators, parties, accounts, keys, deposits and jobs. */
    ADMIN;

    public boolean mayDo(OperatorRole needed) {
        return compareTo(needed) >= 0;
    }
}
