package api.pantheon.payments.ledger.control;

import api.pantheon.payments.ledger.entity.BooksReport;
import api.pantheon.payments.ledger.entity.BooksReport.AccountDisagreement;
import api.pantheon.payments.ledger.entity.CurrencyTotals;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Proves the books from the rows themselves. Per-currency sums alone cannot see an account whose
 * balance moved without a posting (or a posting lost from an account whose balance stayed), nor a
 * payment that says completed while its ledger transaction is missing; so each of those is looked
 * for directly. Plain SQL over the tables, because the check crosses ledger, payments and requests.
 */
@Dependent
public class BooksCheck {

    @PersistenceContext
    EntityManager em;

    public BooksReport run(Instant now) {
        List<CurrencyTotals> currencies = currencyTotals();
        List<AccountDisagreement> accounts = rows("select a.id, a.currency, a.balance, coalesce(sum(p.amount), 0)"
                + " from account a left join posting p on p.account_id = a.id"
                + " group by a.id, a.currency, a.balance having a.balance <> coalesce(sum(p.amount), 0) order by a.id")
                .stream().map(row -> new AccountDisagreement(((Number) row[0]).longValue(), (String) row[1],
                        (BigDecimal) row[2], (BigDecimal) row[3])).toList();
        List<String> unbalanced = ids("select transaction_id from posting group by transaction_id"
                + " having sum(amount) <> 0 or count(*) < 2 order by transaction_id");
        List<String> paymentsWithoutTransaction = ids("select p.id from payment p where p.status = 'COMPLETED'"
                + " and not exists (select 1 from ledger_transaction t where t.id = p.ledger_transaction_id"
                + " and exists (select 1 from posting q where q.transaction_id = t.id)) order by p.id");
        List<String> paidWithoutPayment = ids("select r.id from payment_request r where r.status = 'PAID'"
                + " and not exists (select 1 from payment p where p.id = r.transaction_id and p.status = 'COMPLETED')"
                + " order by r.id");
        boolean balanced = currencies.stream().allMatch(CurrencyTotals::sumsToZero) && accounts.isEmpty()
                && unbalanced.isEmpty() && paymentsWithoutTransaction.isEmpty() && paidWithoutPayment.isEmpty();
        return new BooksReport(balanced, now, currencies, accounts, unbalanced, paymentsWithoutTransaction, paidWithoutPayment);
    }

    private List<CurrencyTotals> currencyTotals() {
        Map<String, BigDecimal> postings = new HashMap<>();
        rows("select currency, sum(amount) from posting group by currency")
                .forEach(row -> postings.put((String) row[0], (BigDecimal) row[1]));
        return rows("select currency, sum(balance), count(*) from account group by currency order by currency").stream()
                .map(row -> new CurrencyTotals((String) row[0], (BigDecimal) row[1],
                        postings.getOrDefault((String) row[0], BigDecimal.ZERO), ((Number) row[2]).longValue()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).setMaxResults(BooksReport.LISTED).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String sql) {
        return ((List<Object>) em.createNativeQuery(sql).setMaxResults(BooksReport.LISTED).getResultList()).stream()
                .map(String::valueOf).toList();
    }
}
