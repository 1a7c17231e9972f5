package api.pantheon.payments.edge;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Request latency by endpoint for {@code /metrics}: one timer per resource method, tagged with its HTTP
 * method and path template ({@code POST /v1/requests/{id}/pay}), never the path as called, so ids in
 * paths cannot grow the metrics without bound. Timed from before matching to the answer's headers;
 * a call answered later (make payment's wait) counts up to its suspension.
 */
@Provider
@PreMatching
public class EndpointTimings implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = EndpointTimings.class.getName() + ".started";

    @Inject
    MetricRegistry registry;

    @Context
    ResourceInfo resource;

    private final Map<Method, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource.getResourceMethod();
        if (method != null && request.getProperty(STARTED) instanceof Long started) {
            timers.computeIfAbsent(method, this::timerOf).update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Timer timerOf(Method method) {
        String verb = Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class)).filter(Objects::nonNull)
                .map(HttpMethod::value).findFirst().orElse("ANY");
        String endpoint = verb + " " + (pathOf(resource.getResourceClass().getAnnotation(Path.class))
                + pathOf(method.getAnnotation(Path.class))).replaceAll("//+", "/");
        return registry.timer(Metadata.builder().withName("http_requests")
                .withDescription("Time to answer, by endpoint").build(), new Tag("endpoint", endpoint));
    }

    private static String pathOf(Path path) {
        return path == null ? "" : "/" + path.value();
    }
}
