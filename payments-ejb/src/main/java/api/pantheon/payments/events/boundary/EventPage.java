package api.pantheon.payments.events.boundary;

import api.pantheon.payments.events.entity.EventView;
import java.util.List;
import java.util.Optional;

/** A page of a client's events, newest first, and the sequence the next page starts below. */
public record EventPage(List<EventView> events, Optional<Long> nextBefore) {
}
