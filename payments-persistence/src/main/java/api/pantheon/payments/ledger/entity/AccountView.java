package api.pantheon.payments.ledger.entity;

import api.pantheon.payments.money.Money;

/** An account as read: whose, which kind, and its balance. */
public record AccountView(Long id, String partyId, AccountKind kind, Money balance) {

    public static AccountView of(Account account) {
        return new AccountView(account.id(), account.partyId(), account.kind(), account.balance());
    }
}
