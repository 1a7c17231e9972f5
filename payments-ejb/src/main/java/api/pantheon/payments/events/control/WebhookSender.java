package api.pantheon.payments.events.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs one delivery (a callback, a gateway message) and says how it went. Names are resolved only
 * through the {@link OutboundPolicy}, so the connection goes to an address the policy has just
 * checked; redirects are not followed. Time-outs bound every call, so a slow receiver holds one
 * worker for a few seconds at most and never blocks the others.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(3);
    private static final Timeout READ_TIMEOUT = Timeout.ofSeconds(10);
    /** As many as the delivery workers, with a few to spare. */
    private static final int CONNECTIONS = 32;

    @Inject
    OutboundPolicy policy;

    @Inject
    Clock clock;

    private volatile CloseableHttpClient http;

    /** POSTs the body with its event id and whatever headers its dialect signed it with. */
    public DeliveryOutcome post(String url, String eventId, Map<String, String> headers, String body) {
        Instant start = clock.instant();
        long began = System.nanoTime();
        var refusal = policy.reasonToRefuse(url, true);
        if (refusal.isPresent()) {
            return new DeliveryOutcome(start, null, "refused: " + refusal.get(), 0);
        }
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        post.setHeader("Payments-Event-Id", eventId);
        headers.forEach(post::setHeader);
        try {
            int status = client().execute(post, response -> response.getCode());
            return new DeliveryOutcome(start, status, null, elapsedMillis(began));
        } catch (IOException | IllegalArgumentException failed) {
            return new DeliveryOutcome(start, null, describe(failed), elapsedMillis(began));
        }
    }

    /** What went wrong, in words a client can act on; never a class name or a stack trace. */
    static String describe(Exception failure) {
        if (failure instanceof OutboundPolicy.RefusedAddress) {
            return "refused: " + OutboundPolicy.REFUSED;
        }
        if (failure instanceof UnknownHostException) {
            return "host does not resolve";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof InterruptedIOException) {
            return "timed out";
        }
        if (failure instanceof SSLException) {
            return "TLS handshake failed";
        }
        if (failure instanceof IllegalArgumentException) {
            return "not a URL that can be called";
        }
        return "connection failed";
    }

    private CloseableHttpClient client() {
        CloseableHttpClient current = http;
        if (current == null) {
            synchronized (this) {
                current = http;
                if (current == null) {
                    current = HttpClients.custom()
                            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                    .setDnsResolver(policy)
                                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                                            .setConnectTimeout(CONNECT_TIMEOUT).setSocketTimeout(READ_TIMEOUT).build())
                                    .setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS)
                                    .build())
                            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(READ_TIMEOUT).build())
                            .disableRedirectHandling()
                            .disableAutomaticRetries()
                            .disableCookieManagement()
                            .build();
                    http = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (http != null) {
            http.close(CloseMode.IMMEDIATE);
        }
    }

    private static long elapsedMillis(long began) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }
}
