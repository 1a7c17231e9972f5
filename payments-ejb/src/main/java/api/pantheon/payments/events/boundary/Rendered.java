package api.pantheon.payments.events.boundary;

import java.util.Map;
import java.util.Optional;

/** A delivery as its dialect writes it: the body, the headers that carry its signature, a mail's subject. */
public record Rendered(String body, Map<String, String> headers, Optional<String> subject) {
}
