package api.pantheon.payments.requests.boundary;

import api.pantheon.payments.parties.boundary.Parties;
import api.pantheon.payments.parties.entity.Party;
import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.requests.entity.RequestStatus;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operators' search over every payment request, newest first, a page at a time. A query is an id (or
 * 002's code, which is the id), or a party's username or phone: then the requests it made or was sent.
 * Every narrowing rides an index; paging is by (created, id), never by offset.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RequestSearch {

    @PersistenceContext
    EntityManager em;

    @Inject
    Parties parties;

    @Inject
    Clock clock;

    /** What to look for; any of it may be absent. */
    public record Criteria(String query, RequestStatus status, String currency, BigDecimal minAmount,
                           BigDecimal maxAmount, Instant createdFrom, Instant createdTo) {

        public static final Criteria ALL = new Criteria(null, null, null, null, null, null, null);
    }

    public RequestPage search(Criteria criteria, RequestPage.Position after, int limit) {
        Instant now = clock.instant();
        String query = criteria.query() == null ? "" : criteria.query().strip();
        List<PaymentRequest> found;
        if (query.isEmpty()) {
            found = select(null, null, criteria, after, limit + 1, now);
        } else {
            PaymentRequest byId = em.find(PaymentRequest.class, query);
            if (byId != null) {
                return new RequestPage(List.of(RequestView.of(byId, now)), Optional.empty());
            }
            Optional<Party> party = parties.findByUsernameOrPhone(query);
            if (party.isEmpty()) {
                return new RequestPage(List.of(), Optional.empty());
            }
            // Two index walks (requests it made, requests it was sent) merged, rather than one "or" that reads everything.
            found = new ArrayList<>(select("requesterPartyId", party.get().id(), criteria, after, limit + 1, now));
            found.addAll(select("recipientPartyId", party.get().id(), criteria, after, limit + 1, now));
            found = found.stream().distinct().sorted(NEWEST_FIRST).limit(limit + 1).toList();
        }
        List<RequestView> page = found.stream().limit(limit).map(request -> RequestView.of(request, now)).toList();
        Optional<RequestPage.Position> next = found.size() > limit
                ? Optional.of(new RequestPage.Position(page.get(limit - 1).createdAt(), page.get(limit - 1).id()))
                : Optional.empty();
        return new RequestPage(page, next);
    }

    private static final Comparator<PaymentRequest> NEWEST_FIRST = Comparator.comparing(PaymentRequest::createdAt)
            .thenComparing(PaymentRequest::id).reversed();

    private List<PaymentRequest> select(String partyField, String partyId, Criteria criteria, RequestPage.Position after,
                                        int limit, Instant now) {
        StringBuilder jpql = new StringBuilder("select r from PaymentRequest r where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (partyField != null) {
            jpql.append(" and r.").append(partyField).append(" = :party");
            parameters.put("party", partyId);
        }
        if (criteria.status() != null) {
            // Expired shows also the pending requests past their deadline that the sweep has not stored yet.
            if (criteria.status() == RequestStatus.EXPIRED) {
                jpql.append(" and (r.status = :status or (r.status = :pending and r.expiresAt <= :now))");
                parameters.put("pending", RequestStatus.PENDING);
                parameters.put("now", now.atOffset(ZoneOffset.UTC));
            } else if (criteria.status() == RequestStatus.PENDING) {
                jpql.append(" and r.status = :status and r.expiresAt > :now");
                parameters.put("now", now.atOffset(ZoneOffset.UTC));
            } else {
                jpql.append(" and r.status = :status");
            }
            parameters.put("status", criteria.status());
        }
        if (criteria.currency() != null && !criteria.currency().isBlank()) {
            jpql.append(" and r.currency = :currency");
            parameters.put("currency", criteria.currency().strip().toUpperCase());
        }
        if (criteria.minAmount() != null) {
            jpql.append(" and r.amount >= :min");
            parameters.put("min", criteria.minAmount());
        }
        if (criteria.maxAmount() != null) {
            jpql.append(" and r.amount <= :max");
            parameters.put("max", criteria.maxAmount());
        }
        if (criteria.createdFrom() != null) {
            jpql.append(" and r.createdAt >= :from");
            parameters.put("from", criteria.createdFrom().atOffset(ZoneOffset.UTC));
        }
        if (criteria.createdTo() != null) {
            jpql.append(" and r.createdAt < :to");
            parameters.put("to", criteria.createdTo().atOffset(ZoneOffset.UTC));
        }
        if (after != null && after != RequestPage.Position.START) {
            jpql.append(" and (r.createdAt < :afterCreated or (r.createdAt = :afterCreated and r.id < :afterId))");
            parameters.put("afterCreated", after.createdAt().atOffset(ZoneOffset.UTC));
            parameters.put("afterId", after.id());
        }
        TypedQuery<PaymentRequest> select = em.createQuery(jpql.append(" order by r.createdAt desc, r.id desc").toString(),
                PaymentRequest.class);
        parameters.forEach(select::setParameter);
        return select.setMaxResults(limit).getResultList();
    }

    /** One request, whoever's: for operators. */
    public Optional<RequestView> find(String requestId) {
        return Optional.ofNullable(requestId == null ? null : em.find(PaymentRequest.class, requestId))
                .map(request -> RequestView.of(request, clock.instant()));
    }
}
