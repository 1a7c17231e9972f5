package api.pantheon.payments.ledger.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.errors.PaymentsException;
import api.pantheon.payments.money.Money;
import api.pantheon.payments.parties.entity.Party;
import api.pantheon.payments.parties.entity.PartyKind;
import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.requests.entity.RequestStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The entities against the schema the real migrations build, through EclipseLink: mappings, the
 * double-entry rules, and that a refused posting leaves every balance as it was.
 */
class LedgerMappingTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00.123Z");
    private static final Currency USD = Currency.getInstance("USD");
    private static EntityManagerFactory factory;

    @BeforeAll
    static void migrate() {
        String url = "jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        factory = Persistence.createEntityManagerFactory("payments-test",
                Map.of("jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.user", "sa",
                        "jakarta.persistence.jdbc.password", ""));
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static Long persist(Account account) {
        return inTransaction(em -> {
            em.persist(account);
            em.flush();
            return account.id();
        });
    }

    private static String party(String username) {
        return inTransaction(em -> {
            Party party = new Party(PartyKind.PERSON, username, null, null, NOW);
            em.persist(party);
            return party.id();
        });
    }

    private static void transfer(Long from, Long to, String amount) {
        inTransaction(em -> {
            Account debit = em.find(Account.class, from);
            Account credit = em.find(Account.class, to);
            LedgerTransaction transaction = LedgerTransaction.transfer(TransactionKind.TRANSFER, "test",
                    debit, credit, Money.of(amount, "USD"), NOW);
            em.persist(transaction);
            transaction.postings().forEach(em::persist);
            return transaction;
        });
    }

    private static Money balance(Long account) {
        return inTransaction(em -> em.find(Account.class, account).balance());
    }

    @Test
    void depositsAndTransfersKeepEveryCurrencyAtZeroAndEveryBalanceEqualToItsPostings() {
        String system = party("system-" + UUID.randomUUID().toString().substring(0, 8));
        Long funding = persist(Account.system(system, Currency.getInstance("USD"), NOW));
        Long alice = persist(Account.wallet(party("alice"), USD, NOW));
        Long bob = persist(Account.wallet(party("bob"), USD, NOW));

        transfer(funding, alice, "100.00");
        transfer(alice, bob, "30.25");

        assertEquals(Money.of("69.75", "USD"), balance(alice));
        assertEquals(Money.of("30.25", "USD"), balance(bob));
        assertEquals(Money.of("-100", "USD"), balance(funding));
        for (Long account : List.of(funding, alice, bob)) {
            BigDecimal posted = inTransaction(em -> em.createQuery(
                            "select coalesce(sum(p.amount), 0) from Posting p where p.accountId = :a", BigDecimal.class)
                    .setParameter("a", account).getSingleResult());
            assertEquals(0, posted.compareTo(balance(account).amount()), "postings of " + account);
        }
        BigDecimal total = inTransaction(em -> em.createQuery(
                "select sum(a.balance) from Account a where a.currency = 'USD'", BigDecimal.class).getSingleResult());
        assertEquals(0, total.signum());
    }

    @Test
    void anOverdraftMovesNothing() {
        Long alice = persist(Account.wallet(party("carol"), USD, NOW));
        Long bob = persist(Account.wallet(party("dave"), USD, NOW));
        PaymentsException refused = assertThrows(PaymentsException.class, () -> transfer(alice, bob, "0.01"));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, refused.error());
        assertEquals(Money.zero(USD), balance(alice));
        assertEquals(Money.zero(USD), balance(bob));
    }

    @Test
    void aBalanceBeyondWhatTheLedgerHoldsIsRefusedNotOverflowed() {
        Currency yen = Currency.getInstance("JPY");
        Long funding = persist(Account.system(party("system-jpy"), yen, NOW));
        Long rich = persist(Account.wallet(party("rich"), yen, NOW));
        Function<String, LedgerTransaction> deposit = amount -> inTransaction(em -> {
            LedgerTransaction transaction = LedgerTransaction.transfer(TransactionKind.DEPOSIT, "test",
                    em.find(Account.class, funding), em.find(Account.class, rich), Money.of(amount, "JPY"), NOW);
            transaction.postings().forEach(em::persist);
            em.persist(transaction);
            return transaction;
        });
        deposit.apply("999999999999999");
        PaymentsException refused = assertThrows(PaymentsException.class, () -> deposit.apply("1"));
        assertEquals(ErrorCode.PAYMENT_EXCEEDS_LIMITS, refused.error());
        assertEquals(Money.of("999999999999999", "JPY"), balance(rich));
    }

    @Test
    void refusesToMoveMoneyBetweenCurrencies() {
        String owner = party("erin");
        Long dollars = persist(Account.wallet(owner, USD, NOW));
        Long kronur = persist(Account.wallet(party("frank"), Currency.getInstance("ISK"), NOW));
        PaymentsException refused = assertThrows(PaymentsException.class, () -> transfer(dollars, kronur, "1"));
        assertEquals(ErrorCode.CURRENCY_MISMATCH, refused.error());
    }

    @Test
    void aPaymentRequestRoundTripsWithItsInstantsInUtc() {
        String merchant = party("grace");
        String person = party("heidi");
        Long account = persist(Account.wallet(merchant, USD, NOW));
        PaymentRequest saved = inTransaction(em -> {
            PaymentRequest request = PaymentRequest.builder().requester(merchant, account).recipient(person)
                    .amount(Money.of("10.99", "USD")).order("abc123").terminal(1)
                    .lifetime(Duration.ofSeconds(30)).build(NOW);
            em.persist(request);
            return request;
        });
        PaymentRequest read = inTransaction(em -> em.find(PaymentRequest.class, saved.id()));
        assertEquals(NOW, read.createdAt());
        assertEquals(NOW.plusSeconds(30), read.expiresAt());
        assertEquals(Money.of("10.99", "USD"), read.amount());
        assertEquals("abc123", read.order().orElseThrow());
        assertEquals(RequestStatus.PENDING, read.statusAt(NOW));

        List<String> due = inTransaction(em -> em.createNamedQuery(PaymentRequest.DUE_FOR_EXPIRY, String.class)
                .setParameter("now", NOW.plusSeconds(30).atOffset(java.time.ZoneOffset.UTC)).getResultList());
        assertEquals(true, due.contains(saved.id()));
        inTransaction(em -> {
            em.find(PaymentRequest.class, saved.id()).expire(NOW.plusSeconds(30));
            return null;
        });
        assertEquals(RequestStatus.EXPIRED, inTransaction(em -> em.find(PaymentRequest.class, saved.id())).statusAt(NOW));
    }
}
