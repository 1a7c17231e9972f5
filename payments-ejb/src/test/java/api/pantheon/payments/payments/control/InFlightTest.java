package api.pantheon.payments.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightTest {

    private final InFlight inFlight = new InFlight();

    @Test
    void nothingInFlightEndsTheWaitAtOnce() throws InterruptedException {
        long began = System.nanoTime();
        assertEquals(Set.of(), inFlight.awaitNone(Duration.ofSeconds(30)));
        assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void whatIsUnansweredWhenTheTimeIsUpIsWhatGetsParked() throws InterruptedException {
        inFlight.started("answered");
        inFlight.started("silent");
        inFlight.finished("answered");
        assertEquals(Set.of("silent"), inFlight.awaitNone(Duration.ofMillis(50)));
    }

    @Test
    void theLastAnswerWakesTheWaiter() throws Exception {
        inFlight.started("slow");
        CompletableFuture<Set<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return inFlight.awaitNone(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        inFlight.finished("slow");
        assertEquals(Set.of(), waiting.get(10, TimeUnit.SECONDS), "woken by the answer, long before the 30 s were up");
    }
}
