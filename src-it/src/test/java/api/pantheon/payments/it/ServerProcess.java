package api.pantheon.payments.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as a user starts it: the README's {@code ./run.sh} (without its build, which Maven has
 * done), on a port and data directory of the test's own. Unlike Arquillian's container, this hands the
 * test the process itself, so that it can be killed with SIGKILL by its process id.
 */
final class ServerProcess implements AutoCloseable {

    static final String ADMIN_TOKEN = "crash-admin-token";
    private static final Path PROJECT = Path.of(System.getProperty("user.dir")).getParent();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Path dataDir;
    private final Map<String, String> settings;
    private Process process;
    private int starts;

    ServerProcess(int port, Path dataDir, Map<String, String> settings) {
        this.port = port;
        this.dataDir = dataDir;
        this.settings = settings;
    }

    String base() {
        return "http://127.0.0.1:" + port + "/payments/";
    }

    /** Starts run.sh on the data directory and waits until the application answers. */
    void start() {
        ProcessBuilder builder = new ProcessBuilder("bash", PROJECT.resolve("run.sh").toString()).directory(PROJECT.toFile());
        // Only this test's settings: not the integration suite's database or ports, inherited from Maven.
        builder.environment().keySet().removeIf(name -> name.startsWith("PAYMENTS_"));
        builder.environment().putAll(settings);
        builder.environment().put("PAYMENTS_SKIP_BUILD", "1");
        builder.environment().put("PAYMENTS_PORT", String.valueOf(port));
        builder.environment().put("PAYMENTS_DATA_DIR", dataDir.toString());
        builder.environment().put("PAYMENTS_ADMIN_TOKEN", ADMIN_TOKEN);
        // Payara Micro unpacks itself into the temporary folder; a killed one cannot clean up after itself.
        builder.environment().put("PAYMENTS_JAVA_OPTS", "-Xmx768m -Djava.io.tmpdir=" + dataDir.resolve("tmp"));
        dataDir.resolve("tmp").toFile().mkdirs();
        File log = dataDir.resolve("server-" + (++starts) + ".log").toFile();
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.currentTimeMillis() + 180_000;
        while (!answers()) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the server did not start; see " + log);
            }
            pause(250);
        }
    }

    /** SIGKILL, as the operating system or an operator's kill -9 would: no shutdown hook, no grace. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    long pid() {
        return process.pid();
    }

    private boolean answers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "admin/v1/ledger/trial-balance"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL if the stop's grace runs out. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }
}
