package api.pantheon.payments.events.control;

import api.pantheon.payments.errors.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the server may send requests on a client's behalf: http(s) only, and not to loopback,
 * private, link-local or cloud metadata addresses (a callback URL must not become a way into our
 * own network), unless the host is on {@code payments.outbound.allow-hosts}. Checked when a URL is
 * given and again when it is called, since a name may resolve differently later.
 */
@ApplicationScoped
public class OutboundPolicy {

    private Set<String> allowedHosts;

    protected OutboundPolicy() {
        // for CDI's client proxy
    }

    @Inject
    public OutboundPolicy(@ConfigProperty(name = "payments.outbound.allow-hosts") Optional<String> allowHosts) {
        // Optional<String>, split here: Payara's config producer cannot inject Optional<List<String>>.
        this.allowedHosts = Arrays.stream(allowHosts.orElse("").split(",")).map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** At creation: refuses a URL that names an internal address; a name that does not resolve yet passes. */
    public void requireAllowed(String field, String url) {
        reasonToRefuse(url, false).ifPresent(reason -> {
            throw ErrorCode.INVALID_DATA.exception(field + ": " + reason);
        });
    }

    /** At delivery: why this URL may not be called now, if it may not. */
    public Optional<String> reasonToRefuse(String url, boolean mustResolve) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isInternal(address)) {
                    return Optional.of("refers to an internal address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return mustResolve ? Optional.of("host does not resolve") : Optional.empty();
        }
    }

    private static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address) {
            return (raw[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = raw[0] & 0xff;
        int second = raw[1] & 0xff;
        return first == 100 && second >= 64 && second <= 127 // carrier-grade NAT
                || first == 0;
    }
}
