package api.pantheon.payments.payments.boundary;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.ledger.boundary.Ledger;
import api.pantheon.payments.ledger.entity.Account;
import api.pantheon.payments.ledger.entity.AccountKind;
import api.pantheon.payments.ledger.entity.LedgerTransaction;
import api.pantheon.payments.ledger.entity.TransactionKind;
import api.pantheon.payments.money.Money;
import api.pantheon.payments.money.control.Currencies;
import api.pantheon.payments.payments.entity.Payment;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Payments: money moved from a payer's account to a payee's, recorded as a {@link Payment} with
 * its ledger transaction, all in the caller's transaction. Paying a request and a plain transfer
 * both come through {@link #execute}.
 */
@Stateless
public class Payments {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Inject
    Currencies currencies;

    /** What a payment is about, as the payer describes it. */
    public record Details(String descriptor, String metadata) {
        public static final Details NONE = new Details(null, null);
    }

    /**
     * Moves {@code amount} from the payer's account (already checked to be the payer's) to the
     * payee's and records the completed payment. Overdraft and currency rules are the ledger's.
     */
    public Payment execute(String requestId, String payerPartyId, Account payer, Long payeeAccountId, Money amount,
                           TransactionKind kind, Details details) {
        if (!payer.currency().equals(amount.currency())) {
            throw ErrorCode.CURRENCY_MISMATCH.exception("Account " + payer.id() + " holds " + payer.currency()
                    + ", the payment is in " + amount.currency());
        }
        Instant now = clock.instant();
        Payment payment = new Payment(requestId, payerPartyId, payer.id(), payeeAccountId, amount,
                details.descriptor(), details.metadata(), now);
        payment.startProcessing(now);
        LedgerTransaction transaction = ledger.transfer(payer.id(), payeeAccountId, amount, kind, payment.id());
        payment.complete(transaction.id(), now);
        em.persist(payment);
        return payment;
    }

    /** Any payment, for operators. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Payment find(String paymentId) {
        return Optional.ofNullable(paymentId == null ? null : em.find(Payment.class, paymentId))
                .orElseThrow(() -> ErrorCode.NOT_FOUND.exception("No such payment"));
    }

    /** Money moved between an account the caller owns and any other account in its currency, without a request. */
    public Payment transfer(String callerPartyId, Long fromAccountId, String fromField, Long toAccountId, String toField,
                            BigDecimal amount, String currencyCode, Details details) {
        Account from = ledger.ownedBy(callerPartyId, fromAccountId)
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception(fromField + ": you hold no account " + fromAccountId));
        Money money = currencies.positive(amount, currencyCode == null ? from.currency().getCurrencyCode() : currencyCode);
        // Someone else's account: missing, or there in another currency or of another kind, all read the same.
        ledger.find(toAccountId).filter(to -> to.kind() == AccountKind.WALLET && to.currency().equals(money.currency()))
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception(toField + ": no " + money.currencyCode()
                        + " account " + toAccountId));
        return execute(null, callerPartyId, from, toAccountId, money, TransactionKind.TRANSFER, details);
    }
}
