package api.pantheon.payments.channels.control;

import api.pantheon.payments.errors.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The messaging channels a payment request can reach its recipient through (seed 000): the inbox
 * (always), email when an SMTP host is configured, and each HTTP gateway named in
 * {@code payments.channels.gateways} with its {@code payments.channels.<name>.url} and
 * {@code .secret} (which signs its messages).
 */
@ApplicationScoped
public class Channels {

    public static final String INBOX = "inbox";
    public static final String EMAIL = "email";

    @Inject
    Config config;

    public Set<String> available() {
        Set<String> names = new LinkedHashSet<>();
        names.add(INBOX);
        if (config.getOptionalValue("payments.channels.email.smtp-host", String.class).isPresent()) {
            names.add(EMAIL);
        }
        config.getOptionalValue("payments.channels.gateways", String.class).ifPresent(list ->
                Arrays.stream(list.split(",")).map(name -> name.trim().toLowerCase(Locale.ROOT))
                        .filter(name -> !name.isEmpty() && gatewayUrl(name).isPresent()).forEach(names::add));
        return names;
    }

    /** The channel by name, refused (400) when unknown or not configured here. */
    public String require(String field, String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT);
        if (!available().contains(normalized)) {
            throw ErrorCode.INVALID_DATA.exception(field + ": '" + name + "' is not an available channel (one of "
                    + String.join(", ", available()) + ")");
        }
        return normalized;
    }

    /** Whether a request in this channel is sent somewhere; the inbox is only read. */
    public boolean isSent(String channel) {
        return !INBOX.equals(channel);
    }

    public Optional<String> gatewayUrl(String channel) {
        return config.getOptionalValue("payments.channels." + channel + ".url", String.class);
    }

    public String gatewaySecret(String channel) {
        return config.getOptionalValue("payments.channels." + channel + ".secret", String.class).orElse("");
    }
}
