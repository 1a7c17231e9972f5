package api.pantheon.payments.events.control;

import api.pantheon.payments.errors.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the server may send requests on a client's behalf: http(s) only, and never to an address
 * inside our own network (loopback, private, link-local, metadata, reserved), whether written as
 * IPv4 or as any IPv6 form that carries an IPv4 address, unless the host is on
 * {@code payments.outbound.allow-hosts}. Checked when a URL is given and, as the HTTP client's only
 * way to resolve names, when it connects: the addresses checked are the addresses connected to, so a
 * name that resolves differently between the two (DNS rebinding) gains nothing.
 */
@ApplicationScoped
public class OutboundPolicy implements DnsResolver {

    static final String REFUSED = "refers to an internal address";

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

    /** Why this URL may not be called now, if it may not. */
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
        try {
            resolve(uri.getHost());
            return Optional.empty();
        } catch (RefusedAddress refused) {
            return Optional.of(REFUSED);
        } catch (UnknownHostException e) {
            return mustResolve ? Optional.of("host does not resolve") : Optional.empty();
        }
    }

    /** The HTTP client's resolver: every address of the name, or none at all if any one is internal. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(name);
        if (!allowedHosts.contains(name.toLowerCase(Locale.ROOT))) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new RefusedAddress(name);
                }
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // never used for a connection: no reverse look-up needed
    }

    /** Not a failure to resolve: the name resolved, to somewhere no callback may go. */
    static final class RefusedAddress extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        RefusedAddress(String host) {
            super(host + " " + REFUSED);
        }
    }

    static boolean isInternal(InetAddress address) {
        byte[] raw = address.getAddress();
        return raw.length == 4 ? isInternalV4(raw, 0) : isInternalV6(raw);
    }

    private static boolean isInternalV6(byte[] raw) {
        int first = raw[0] & 0xff;
        int second = raw[1] & 0xff;
        if (first == 0xff // multicast
                || (first & 0xfe) == 0xfc // unique local fc00::/7
                || first == 0xfe && (second & 0xc0) == 0x80 // link-local fe80::/10
                || first == 0xfe && (second & 0xc0) == 0xc0) { // site-local fec0::/10
            return true;
        }
        if (zero(raw, 0, 10) && (raw[10] & 0xff) == 0xff && (raw[11] & 0xff) == 0xff) {
            return isInternalV4(raw, 12); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (zero(raw, 0, 12)) {
            return isInternalV4(raw, 12); // IPv4-compatible ::a.b.c.d, and :: and ::1 (0.0.0.0/8)
        }
        if (zero(raw, 0, 8) && (raw[8] & 0xff) == 0xff && (raw[9] & 0xff) == 0xff && zero(raw, 10, 2)) {
            return isInternalV4(raw, 12); // IPv4-translated ::ffff:0:a.b.c.d
        }
        if (startsWith(raw, 0x00, 0x64, 0xff, 0x9b)) {
            // NAT64: the well-known 64:ff9b::/96 carries an IPv4 address; 64:ff9b:1::/48 is for local use
            return zero(raw, 4, 8) ? isInternalV4(raw, 12) : (raw[4] & 0xff) == 0x00 && (raw[5] & 0xff) == 0x01;
        }
        if (startsWith(raw, 0x20, 0x02)) {
            return isInternalV4(raw, 2); // 6to4 2002:a.b.c.d::/48
        }
        if (startsWith(raw, 0x20, 0x01, 0x00, 0x00)) {
            // Teredo 2001::/32: the server's IPv4 address, and the client's with every bit flipped
            byte[] client = new byte[4];
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~raw[12 + i];
            }
            return isInternalV4(raw, 4) || isInternalV4(client, 0);
        }
        if (startsWith(raw, 0x20, 0x01, 0x0d, 0xb8) // documentation 2001:db8::/32
                || startsWith(raw, 0x01, 0x00) && zero(raw, 2, 6)) { // discard-only 100::/64
            return true;
        }
        if (((raw[8] & 0xfd) == 0x00) && raw[9] == 0 && (raw[10] & 0xff) == 0x5e && (raw[11] & 0xff) == 0xfe) {
            return isInternalV4(raw, 12); // ISATAP interface id ::0:5efe:a.b.c.d (or ::200:5efe:)
        }
        return false;
    }

    /** IPv4 addresses that are ours, someone's private network, or no one's (RFC 6890's special-purpose list). */
    private static boolean isInternalV4(byte[] raw, int at) {
        int a = raw[at] & 0xff;
        int b = raw[at + 1] & 0xff;
        int c = raw[at + 2] & 0xff;
        return a == 0 || a == 10 || a == 127 || a >= 224 // this network, private, loopback, multicast and reserved
                || a == 100 && b >= 64 && b <= 127 // carrier-grade NAT
                || a == 169 && b == 254 // link-local, cloud metadata
                || a == 172 && b >= 16 && b <= 31
                || a == 192 && b == 168
                || a == 192 && b == 0 && (c == 0 || c == 2) // IETF protocol assignments, documentation
                || a == 192 && b == 88 && c == 99 // 6to4 relay anycast
                || a == 198 && (b == 18 || b == 19) // benchmarking
                || a == 198 && b == 51 && c == 100
                || a == 203 && b == 0 && c == 113;
    }

    private static boolean zero(byte[] raw, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] raw, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((raw[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
