package api.pantheon.payments.backoffice.boundary;

import api.pantheon.payments.events.entity.DeliveryState;
import api.pantheon.payments.events.entity.DeliveryView;
import api.pantheon.payments.events.entity.Delivery;
import api.pantheon.payments.ledger.entity.Account;
import api.pantheon.payments.ledger.entity.AccountView;
import api.pantheon.payments.ledger.entity.LedgerTransaction;
import api.pantheon.payments.ledger.entity.Posting;
import api.pantheon.payments.parties.boundary.Parties;
import api.pantheon.payments.parties.entity.Party;
import api.pantheon.payments.parties.entity.PartyView;
import api.pantheon.payments.payments.entity.Payment;
import api.pantheon.payments.payments.entity.PaymentKind;
import api.pantheon.payments.payments.entity.PaymentStatus;
import api.pantheon.payments.payments.entity.PaymentView;
import api.pantheon.payments.requests.entity.RequestStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the back office reads and the client APIs do not: figures across all clients, a party's books,
 * a request's whole story. Every query walks an index over a bounded range; none reads a whole table.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class BackOffice {

    static final int HOURS = 24;

    @PersistenceContext
    EntityManager em;

    @Inject
    Parties parties;

    /** The dashboard's figures: today is the UTC day. */
    public record Figures(Map<RequestStatus, Long> requestsToday, Map<String, BigDecimal> paidToday, long unknownPayments,
                          long callbacksOwed, long callbacksDead) {
    }

    /** Requests created and paid in each of the last 24 hours, oldest first. */
    public record Hour(Instant start, long created, long paid) {
    }

    /** A posting as a statement shows it: what moved, why, and the balance after it. */
    public record StatementLine(String postingId, Instant at, BigDecimal amount, String currency, String kind,
                                String reference, BigDecimal balanceAfter) {
    }

    /** A page of a statement, newest first; {@code next} is where the page after it starts. */
    public record Statement(AccountView account, List<StatementLine> lines, Optional<String> next) {
    }

    /** Failed deliveries to one host: how many are dead and how many are still being tried. */
    public record HostFailures(String host, long dead, long retrying, Instant lastFailure) {
    }

    public Figures figures(Instant now) {
        OffsetDateTime today = now.truncatedTo(ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        Map<RequestStatus, Long> statuses = new EnumMap<>(RequestStatus.class);
        em.createQuery("select r.status, count(r) from PaymentRequest r where r.createdAt >= :today group by r.status",
                Object[].class).setParameter("today", today).getResultList()
                .forEach(row -> statuses.put((RequestStatus) row[0], (Long) row[1]));
        Map<String, BigDecimal> paid = new TreeMap<>();
        em.createQuery("select p.currency, sum(p.amount) from Payment p where p.createdAt >= :today and p.kind = :kind"
                        + " and p.status = :completed and p.requestId is not null group by p.currency", Object[].class)
                .setParameter("today", today).setParameter("kind", PaymentKind.PAYMENT)
                .setParameter("completed", PaymentStatus.COMPLETED).getResultList()
                .forEach(row -> paid.put((String) row[0], ((BigDecimal) row[1]).stripTrailingZeros()));
        long unknown = em.createQuery("select count(p) from Payment p where p.status = :unknown", Long.class)
                .setParameter("unknown", PaymentStatus.UNKNOWN).getSingleResult();
        Backlog callbacks = callbackBacklog();
        return new Figures(statuses, paid, unknown, callbacks.owed(), callbacks.dead());
    }

    /** Callbacks not delivered: still owed (waiting, queued or being sent) and dead. */
    public record Backlog(long owed, long dead) {
    }

    /**
     * What {@code /metrics} shows of the whole cluster, read from the database: payments by status, the
     * callback backlog, and the requests past their deadline not yet expired with how late the oldest is.
     */
    public record Gauges(Map<PaymentStatus, Long> payments, Backlog callbacks, long overdueRequests, Duration expiryLag) {
    }

    public Gauges gauges(Instant now) {
        Map<PaymentStatus, Long> payments = new EnumMap<>(PaymentStatus.class);
        em.createQuery("select p.status, count(p) from Payment p group by p.status", Object[].class).getResultList()
                .forEach(row -> payments.put((PaymentStatus) row[0], (Long) row[1]));
        Object[] overdue = em.createQuery("select count(r), min(r.expiresAt) from PaymentRequest r"
                        + " where r.status = :pending and r.expiresAt <= :now", Object[].class)
                .setParameter("pending", RequestStatus.PENDING).setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getSingleResult();
        Duration lag = overdue[1] == null ? Duration.ZERO : Duration.between(((OffsetDateTime) overdue[1]).toInstant(), now);
        return new Gauges(payments, callbackBacklog(), (Long) overdue[0], lag);
    }

    private Backlog callbackBacklog() {
        Map<DeliveryState, Long> deliveries = new EnumMap<>(DeliveryState.class);
        em.createQuery("select d.state, count(d) from Delivery d where d.state <> :delivered group by d.state", Object[].class)
                .setParameter("delivered", DeliveryState.DELIVERED).getResultList()
                .forEach(row -> deliveries.put((DeliveryState) row[0], (Long) row[1]));
        long dead = deliveries.getOrDefault(DeliveryState.DEAD, 0L);
        return new Backlog(deliveries.values().stream().mapToLong(Long::longValue).sum() - dead, dead);
    }

    /** One range scan per series, each hour a sum of its own: 2 queries, whatever the volume. */
    public List<Hour> lastDay(Instant now) {
        Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(HOURS - 1, ChronoUnit.HOURS);
        long[] created = perHour("select %s from PaymentRequest r where r.createdAt >= :from", "r.createdAt", first, "");
        long[] paid = perHour("select %s from Payment p where p.createdAt >= :from and p.kind = :kind and p.status = :completed"
                + " and p.requestId is not null", "p.createdAt", first, "paid");
        List<Hour> hours = new ArrayList<>();
        for (int hour = 0; hour < HOURS; hour++) {
            hours.add(new Hour(first.plus(hour, ChronoUnit.HOURS), created[hour], paid[hour]));
        }
        return hours;
    }

    private long[] perHour(String template, String column, Instant first, String payments) {
        StringBuilder sums = new StringBuilder();
        for (int hour = 0; hour < HOURS; hour++) {
            sums.append(hour == 0 ? "" : ", ").append("sum(case when ").append(column).append(" < :h").append(hour + 1)
                    .append(" then 1 else 0 end)");
        }
        var query = em.createQuery(template.formatted(sums), Object[].class);
        query.setParameter("from", first.atOffset(ZoneOffset.UTC));
        for (int hour = 1; hour <= HOURS; hour++) {
            query.setParameter("h" + hour, first.plus(hour, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC));
        }
        if (!payments.isEmpty()) {
            query.setParameter("kind", PaymentKind.PAYMENT).setParameter("completed", PaymentStatus.COMPLETED);
        }
        Object[] cumulative = query.getSingleResult();
        long[] counts = new long[HOURS];
        long before = 0;
        for (int hour = 0; hour < HOURS; hour++) {
            long upTo = cumulative[hour] == null ? 0 : ((Number) cumulative[hour]).longValue();
            counts[hour] = upTo - before;
            before = upTo;
        }
        return counts;
    }

    /** Parties by id, by the start of a username, or by a phone number however written (all indexed). */
    public List<PartyView> parties(String query, int limit) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return em.createQuery("select p from Party p order by p.createdAt desc", Party.class).setMaxResults(limit)
                    .getResultList().stream().map(PartyView::of).toList();
        }
        Party byId = em.find(Party.class, text);
        if (byId != null) {
            return List.of(PartyView.of(byId));
        }
        Map<String, Party> found = new LinkedHashMap<>();
        parties.findByUsernameOrPhone(text).ifPresent(party -> found.put(party.id(), party));
        em.createQuery("select p from Party p where p.username like :prefix order by p.username", Party.class)
                .setParameter("prefix", escaped(text.toLowerCase()) + "%").setMaxResults(limit).getResultList()
                .forEach(party -> found.putIfAbsent(party.id(), party));
        return found.values().stream().limit(limit).map(PartyView::of).toList();
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public List<AccountView> accountsOf(String partyId) {
        return em.createQuery("select a from Account a where a.partyId = :party order by a.id", Account.class)
                .setParameter("party", partyId).getResultList().stream().map(AccountView::of).toList();
    }

    /**
     * An account's postings, newest first, each with the balance just after it: the balance now, less
     * what came after. {@code before} is the id of the last posting of the previous page.
     */
    public Optional<Statement> statement(Long accountId, String before, int limit) {
        Account account = accountId == null ? null : em.find(Account.class, accountId);
        if (account == null) {
            return Optional.empty();
        }
        Posting cursor = before == null ? null : em.find(Posting.class, before);
        BigDecimal balance = account.balance().amount();
        List<Posting> postings;
        if (cursor == null) {
            postings = em.createQuery("select p from Posting p where p.accountId = :account"
                    + " order by p.createdAt desc, p.id desc", Posting.class)
                    .setParameter("account", accountId).setMaxResults(limit + 1).getResultList();
        } else {
            OffsetDateTime at = cursor.createdAt().atOffset(ZoneOffset.UTC);
            BigDecimal after = em.createQuery("select coalesce(sum(p.amount), 0) from Posting p where p.accountId = :account"
                    + " and (p.createdAt > :at or (p.createdAt = :at and p.id >= :id))", BigDecimal.class)
                    .setParameter("account", accountId).setParameter("at", at).setParameter("id", cursor.id()).getSingleResult();
            balance = balance.subtract(after);
            postings = em.createQuery("select p from Posting p where p.accountId = :account"
                    + " and (p.createdAt < :at or (p.createdAt = :at and p.id < :id)) order by p.createdAt desc, p.id desc",
                    Posting.class).setParameter("account", accountId).setParameter("at", at).setParameter("id", cursor.id())
                    .setMaxResults(limit + 1).getResultList();
        }
        Map<String, LedgerTransaction> transactions = transactionsOf(postings.stream().map(Posting::transactionId).toList());
        List<StatementLine> lines = new ArrayList<>();
        for (Posting posting : postings.subList(0, Math.min(limit, postings.size()))) {
            LedgerTransaction transaction = transactions.get(posting.transactionId());
            lines.add(new StatementLine(posting.id(), posting.createdAt(), posting.amount().amount(),
                    posting.amount().currencyCode(), transaction == null ? "" : transaction.kind().name(),
                    transaction == null ? "" : transaction.reference(), balance));
            balance = balance.subtract(posting.amount().amount());
        }
        Optional<String> next = postings.size() > limit ? Optional.of(lines.get(lines.size() - 1).postingId()) : Optional.empty();
        return Optional.of(new Statement(AccountView.of(account), lines, next));
    }

    private Map<String, LedgerTransaction> transactionsOf(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select t from LedgerTransaction t where t.id in :ids", LedgerTransaction.class)
                .setParameter("ids", ids.stream().distinct().toList()).getResultList().stream()
                .collect(Collectors.toMap(LedgerTransaction::id, t -> t));
    }

    /** Every payment of a request, refunds included, with the business system's answers; oldest first. */
    public List<PaymentView> paymentsOf(String requestId) {
        return em.createQuery("select p from Payment p where p.requestId = :request order by p.createdAt", Payment.class)
                .setParameter("request", requestId).getResultList().stream().map(PaymentView::of).toList();
    }

    /** The ledger postings of a request's payments and refunds. */
    public List<StatementLine> postingsOf(String requestId) {
        List<String> transactionIds = paymentsOf(requestId).stream().flatMap(p -> p.ledgerTransactionId().stream()).toList();
        if (transactionIds.isEmpty()) {
            return List.of();
        }
        Map<String, LedgerTransaction> transactions = transactionsOf(transactionIds);
        return em.createQuery("select p from Posting p where p.transactionId in :ids order by p.createdAt, p.id", Posting.class)
                .setParameter("ids", transactionIds).getResultList().stream()
                .map(posting -> new StatementLine(posting.id(), posting.createdAt(), posting.amount().amount(),
                        posting.amount().currencyCode(), transactions.get(posting.transactionId()).kind().name(),
                        "account " + posting.accountId(), null))
                .toList();
    }

    /** The most recent failing deliveries (dead, or tried and waiting to be tried again), by host. */
    public List<HostFailures> failuresByHost(int recent) {
        List<DeliveryView> failing = em.createQuery("select d from Delivery d where d.state = :dead"
                        + " or (d.state = :pending and d.attempts > 0) order by d.updatedAt desc", Delivery.class)
                .setParameter("dead", DeliveryState.DEAD).setParameter("pending", DeliveryState.PENDING)
                .setMaxResults(recent).getResultList().stream().map(DeliveryView::of).toList();
        Map<String, List<DeliveryView>> byHost = failing.stream()
                .collect(Collectors.groupingBy(d -> d.host().orElse("(channel)"), TreeMap::new, Collectors.toList()));
        return byHost.entrySet().stream().map(entry -> new HostFailures(entry.getKey(),
                        entry.getValue().stream().filter(d -> d.state() == DeliveryState.DEAD).count(),
                        entry.getValue().stream().filter(d -> d.state() != DeliveryState.DEAD).count(),
                        entry.getValue().stream().map(DeliveryView::updatedAt).max(Comparator.naturalOrder()).orElse(null)))
                .sorted(Comparator.comparingLong((HostFailures h) -> h.dead() + h.retrying()).reversed()).toList();
    }
}
