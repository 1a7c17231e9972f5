package api.pantheon.payments.requests.boundary;

import api.pantheon.payments.requests.entity.RequestView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One page of requests, newest first, and where the next page starts (empty on the last page). */
public record RequestPage(List<RequestView> requests, Optional<Position> next) {

    /** A place in the newest-first order: the (created, id) of the last request seen. */
    public record Position(Instant createdAt, String id) {

        public static final Position START = new Position(Instant.parse("9999-12-31T23:59:59Z"), "~");
    }
}
