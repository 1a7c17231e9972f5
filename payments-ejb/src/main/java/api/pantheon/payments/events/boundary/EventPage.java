package api.pantheon.payments.events.boundary;

import api.pantheon.payments.events.entity.Event;
import java.util.List;
import java.util.Optional;

/** A page of a client's events, newest first, and the sequence the next page starts below. */
public record EventPage(List<Event> events, Optional<Long> nextBefore) {
}
