package api.pantheon.payments.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OutboundPolicyTest {

    private final OutboundPolicy policy = new OutboundPolicy(Optional.of("allowed.example"));

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4: this network, private, loopback, link-local (cloud metadata), CGNAT, reserved, documentation
            "0.0.0.0", "10.1.2.3", "127.0.0.1", "127.255.0.9", "169.254.169.254", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "100.64.0.1", "100.127.255.254", "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.51.100.7",
            "203.0.113.9", "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.88.99.1",
            // IPv6 of its own: loopback, unspecified, link-local, site-local, unique local, multicast, documentation
            "::1", "::", "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1", "100::1",
            // IPv6 that carries an internal IPv4 address
            "::127.0.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:0:127.0.0.1", "::ffff:0:169.254.169.254",
            "64:ff9b::127.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::1",
            "2002:7f00:1::", "2002:a00:1::1", "2002:a9fe:a9fe::1",
            "2001:0:4136:e378:8000:63bf:80ff:fffe", // Teredo whose client is 127.0.0.1 (bits flipped)
            "2001:0:a00:1::1", // Teredo whose server is 10.0.0.1
            "2001:470::5efe:7f00:1", "fe80::200:5efe:a00:1"}) // ISATAP
    void refusesInternalAddressesInEveryForm(String literal) throws UnknownHostException {
        assertTrue(OutboundPolicy.isInternal(InetAddress.getByName(literal)), literal);
        assertEquals(Optional.of(OutboundPolicy.REFUSED),
                policy.reasonToRefuse("http://" + (literal.contains(":") ? "[" + literal + "]" : literal) + "/hook", true), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "::ffff:93.184.216.34", "64:ff9b::5db8:d822", "2002:5db8:d822::1", "2001:470:1::1"})
    void letsPublicAddressesThrough(String literal) throws UnknownHostException {
        assertFalse(OutboundPolicy.isInternal(InetAddress.getByName(literal)), literal);
    }

    @Test
    void theResolverTheClientConnectsThroughRefusesInternalAddresses() throws UnknownHostException {
        assertThrows(OutboundPolicy.RefusedAddress.class, () -> policy.resolve("127.0.0.1"));
        assertThrows(OutboundPolicy.RefusedAddress.class, () -> policy.resolve("[::ffff:127.0.0.1]"));
        assertThrows(OutboundPolicy.RefusedAddress.class, () -> policy.resolve("localhost"));
        assertEquals("93.184.216.34", policy.resolve("93.184.216.34")[0].getHostAddress());
    }

    @Test
    void anAllowedHostMayBeInternal() {
        OutboundPolicy local = new OutboundPolicy(Optional.of("127.0.0.1, LocalHost"));
        assertEquals(Optional.empty(), local.reasonToRefuse("http://127.0.0.1:8080/hook", true));
        assertEquals(Optional.empty(), local.reasonToRefuse("http://localhost/hook", true));
    }

    @Test
    void onlyAbsoluteHttpUrlsAreCalled() {
        assertTrue(policy.reasonToRefuse("ftp://example.com/x", false).isPresent());
        assertTrue(policy.reasonToRefuse("/relative", false).isPresent());
        assertTrue(policy.reasonToRefuse("http://exa mple.com", false).isPresent());
    }

    @Test
    void failuresAreDescribedWithoutClassNames() {
        assertEquals("refused: " + OutboundPolicy.REFUSED, WebhookSender.describe(new OutboundPolicy.RefusedAddress("x")));
        assertEquals("host does not resolve", WebhookSender.describe(new UnknownHostException("x")));
        assertEquals("connection refused", WebhookSender.describe(new java.net.ConnectException("x")));
        assertEquals("timed out", WebhookSender.describe(new java.net.SocketTimeoutException("x")));
    }
}
