package api.pantheon.payments.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pauses between tries of a delivery, from {@code payments.callbacks.retry-schedule}
 * ({@code 5m,20m,80m,320m,1280m}: the first try at once, then one after each pause, then dead).
 */
@ApplicationScoped
public class RetrySchedule {

    private List<Duration> pauses;

    protected RetrySchedule() {
        // for CDI's client proxy
    }

    @Inject
    public RetrySchedule(@ConfigProperty(name = "payments.callbacks.retry-schedule") List<String> pauses) {
        this.pauses = pauses.stream().map(String::trim).map(RetrySchedule::parse).toList();
    }

    public List<Duration> pauses() {
        return pauses;
    }

    /** {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    static Duration parse(String text) {
        if (!text.matches("\\d+[smhd]")) {
            throw new IllegalArgumentException("payments.callbacks.retry-schedule: '" + text + "' is not like 5m, 30s, 2h or 1d");
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
