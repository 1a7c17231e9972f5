package api.pantheon.payments.it;

import static api.pantheon.payments.it.Api.check;
import static api.pantheon.payments.it.Api.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.pantheon.payments.it.Api.Client;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two hundred connections that send their bodies a byte at a time (half with a valid token, half
 * without) must not starve anyone else: while they trickle, a normal client's calls are answered,
 * and each trickler is cut off with 408 once its body is overdue. Nested in {@link PaymentsIT}.
 */
abstract class SlowClientScenarios {

    private static final int TRICKLERS = 200;
    private static final int NORMAL_CALLS = 20;

    @Test
    void tricklingBodiesLeaveOtherClientsAnswered() throws Exception {
        Client merchant = client("MERCHANT", null, "USD", null);
        Client person = client("PERSON", null, null, null);
        List<Socket> tricklers = new ArrayList<>();
        AtomicBoolean trickling = new AtomicBoolean(true);
        Thread dripper = null;
        try {
            for (int i = 0; i < TRICKLERS; i++) {
                tricklers.add(startBody(i % 2 == 0 ? merchant.token() : "pt_not_a_token"));
            }
            dripper = new Thread(() -> {
                while (trickling.get()) {
                    for (Socket socket : tricklers) {
                        try {
                            socket.getOutputStream().write(' ');
                            socket.getOutputStream().flush();
                        } catch (IOException cutOff) {
                            // the server answered 408 and closed it: as it should
                        }
                    }
                    sleep(500);
                }
            });
            dripper.start();

            long slowest = 0;
            for (int i = 0; i < NORMAL_CALLS; i++) {
                long began = System.nanoTime();
                String id = PaymentsIT.request(merchant, person.username(), "1.00");
                check(Api.get(merchant.token(), "v1/requests/" + id), 200);
                slowest = Math.max(slowest, (System.nanoTime() - began) / 1_000_000);
            }
            System.out.printf("slow clients: %d trickling connections; %d normal create+read pairs answered, slowest %d ms%n",
                    TRICKLERS, NORMAL_CALLS, slowest);

            int cutOff = 0;
            for (Socket socket : tricklers) {
                socket.setSoTimeout(20_000);
                if (statusLine(socket.getInputStream()).contains(" 408 ")) {
                    cutOff++;
                }
            }
            assertEquals(TRICKLERS, cutOff, "every trickling body was cut off with 408 once overdue");
        } finally {
            trickling.set(false);
            if (dripper != null) {
                dripper.join();
            }
            for (Socket socket : tricklers) {
                socket.close();
            }
        }
        assertTrue(Api.get(merchant.token(), "v1/inbox").status() < 500, "the server still answers");
    }

    /** Headers and the first byte of a body announced as 2,000 bytes. */
    private static Socket startBody(String token) throws IOException {
        URI base = URI.create(Api.BASE);
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + base.getPath() + "v1/requests HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                + token + "\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String statusLine(InputStream in) {
        StringBuilder line = new StringBuilder();
        try {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
        } catch (IOException closedOrTimedOut) {
            throw new UncheckedIOException("a trickling connection got no answer", closedOrTimedOut);
        }
        return line.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
