package api.pantheon.payments.ledger.entity;

public enum TransactionKind {
    /** Money entering the platform: the currency's system account pays a wallet. */
    DEPOSIT,
    /** A payment request paid from one wallet to another. */
    PAYMENT,
    /** Money moved between wallets without a request. */
    TRANSFER,
    /** Part or all of a paid request given back, from the requester's account to the payer's. */
    REFUND
}
