package api.pantheon.payments.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BusinessSystemTest {

    @Test
    void onlyABrokenConnectionCountsAsDropped() {
        assertTrue(BusinessSystem.isDroppedConnection(new CompletionException(new IOException("HTTP/1.1 header parser received no bytes"))));
        assertFalse(BusinessSystem.isDroppedConnection(new CompletionException(new HttpTimeoutException("request timed out"))));
        assertFalse(BusinessSystem.isDroppedConnection(new ConnectException("Connection refused")));
        assertFalse(BusinessSystem.isDroppedConnection(new IllegalStateException("not a connection")));
    }

    /**
     * A business system that closes the first connection without answering (as one closing a kept-alive
     * connection does) still gets the submission, once more, and its answer counts.
     */
    @Test
    void aSubmissionWhoseConnectionDroppedIsSentOnceMore() throws Exception {
        AtomicInteger received = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0)) {
            Thread serving = new Thread(() -> {
                try {
                    for (int connection = 0; connection < 2; connection++) {
                        try (Socket socket = server.accept()) {
                            readRequest(socket.getInputStream());
                            received.incrementAndGet();
                            if (connection == 1) {
                                String body = "{\"status\":\"APPROVED\"}";
                                OutputStream out = socket.getOutputStream();
                                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                                        + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                                out.flush();
                            }
                        }
                    }
                } catch (IOException stopped) {
                    // the test is over
                }
            });
            serving.start();
            BusinessSystem businessSystem = new BusinessSystem();
            businessSystem.url = Optional.of("http://127.0.0.1:" + server.getLocalPort());
            businessSystem.threads = new PlainThreads();

            BusinessSystem.Answer answer = businessSystem.submit(new BusinessSystem.Submitted("s-1", new BigDecimal("1.02"), "USD",
                    7L, "CARD", "device", "127.0.0.1")).toCompletableFuture().get(20, TimeUnit.SECONDS);

            assertEquals(BusinessSystem.Answer.APPROVED, answer);
            assertEquals(2, received.get());
        }
    }

    /** Reads one request: headers, then as many body bytes as announced. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                return;
            }
            headers.append((char) next);
        }
        String lower = headers.toString().toLowerCase();
        int at = lower.indexOf("content-length:");
        if (at >= 0) {
            int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
            in.readNBytes(length);
        }
    }

    private static final class PlainThreads implements ManagedThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        }
    }
}
