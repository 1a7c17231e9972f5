package api.pantheon.payments.requests.entity;

import static api.pantheon.payments.requests.entity.RequestStatus.CANCELLED;
import static api.pantheon.payments.requests.entity.RequestStatus.DECLINED;
import static api.pantheon.payments.requests.entity.RequestStatus.EXPIRED;
import static api.pantheon.payments.requests.entity.RequestStatus.PAID;
import static api.pantheon.payments.requests.entity.RequestStatus.PENDING;
import static api.pantheon.payments.requests.entity.RequestStatus.PROCESSING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks every pair of states, so a change to the table is a change to this test too. */
class RequestStatusTest {

    private static final Map<RequestStatus, Set<RequestStatus>> EXPECTED = Map.of(
            PENDING, EnumSet.of(PROCESSING, PAID, DECLINED, CANCELLED, EXPIRED),
            PROCESSING, EnumSet.of(PENDING, PAID, EXPIRED),
            PAID, EnumSet.noneOf(RequestStatus.class),
            DECLINED, EnumSet.noneOf(RequestStatus.class),
            CANCELLED, EnumSet.noneOf(RequestStatus.class),
            EXPIRED, EnumSet.noneOf(RequestStatus.class));

    @Test
    void everyTransitionIsAllowedExactlyWhenTheTableSaysSo() {
        for (RequestStatus from : RequestStatus.values()) {
            for (RequestStatus to : RequestStatus.values()) {
                assertEquals(EXPECTED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
            assertEquals(EXPECTED.get(from).isEmpty(), from.isFinal(), from + " final");
        }
    }
}
