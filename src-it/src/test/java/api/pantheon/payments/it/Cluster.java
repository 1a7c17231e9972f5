package api.pantheon.payments.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production topology as a user brings it up: the README's {@code ./cluster.sh} (without its build,
 * which Maven has done), on ports, a database and a folder of the test's own. Each piece is stopped,
 * killed and started through the same command an operator would use.
 */
final class Cluster implements AutoCloseable {

    static final String ADMIN_TOKEN = "cluster-admin-token";
    static final int PORT = Integer.getInteger("payments.it.cluster.port", 18100);
    static final String DATABASE = "payments_cluster_it";
    private static final Path PROJECT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path FOLDER = Path.of("target", "cluster").toAbsolutePath();

    private final Map<String, String> settings;

    Cluster(Map<String, String> settings) {
        this.settings = settings;
    }

    /** From an empty database and folder, so that every run starts alike (and none of an earlier run's pieces runs). */
    void up() {
        if (Files.exists(FOLDER.resolve("pids"))) {
            cluster("down", 180);
        }
        run(List.of("psql", "--no-psqlrc", "--quiet", "postgresql://postgres@127.0.0.1:5432/postgres",
                "--command=DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)"), 60);
        deleteFolder();
        cluster("up", 600);
    }

    /** The balancer, which is what clients call. */
    Api.Server balancer() {
        return server(PORT);
    }

    /** One instance, called directly: p1 is the port after the balancer's, p2 the next. */
    Api.Server instance(String name) {
        return server(PORT + Integer.parseInt(name.substring(1)));
    }

    void stop(String piece) {
        cluster("stop " + piece, 120);
    }

    void kill(String piece) {
        cluster("kill " + piece, 60);
    }

    /** Started and, for an instance, ready. */
    void start(String piece) {
        cluster("start " + piece, 600);
    }

    @Override
    public void close() {
        cluster("down", 180);
    }

    private static Api.Server server(int port) {
        return new Api.Server("http://127.0.0.1:" + port + "/payments/", ADMIN_TOKEN);
    }

    private void cluster(String command, int seconds) {
        List<String> words = new ArrayList<>(List.of("bash", PROJECT.resolve("cluster.sh").toString()));
        words.addAll(List.of(command.split(" ")));
        run(words, seconds);
    }

    private void run(List<String> command, int seconds) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile());
        // Only this test's settings: nothing of the integration suite's database or ports, inherited from Maven.
        builder.environment().keySet().removeIf(name -> name.startsWith("PAYMENTS_"));
        builder.environment().putAll(settings);
        builder.environment().put("PAYMENTS_SKIP_BUILD", "1");
        builder.environment().put("PAYMENTS_PORT", String.valueOf(PORT));
        builder.environment().put("PAYMENTS_CLUSTER_DIR", FOLDER.toString());
        builder.environment().put("PAYMENTS_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        builder.environment().put("PAYMENTS_ADMIN_TOKEN", ADMIN_TOKEN);
        File log = FOLDER.resolveSibling("cluster-commands.log").toFile();
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        try {
            Process process = builder.start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " took over " + seconds + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + process.exitValue() + "); see " + log
                        + " and the logs in " + FOLDER.resolve("logs"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteFolder() {
        if (!Files.exists(FOLDER)) {
            return;
        }
        try (var paths = Files.walk(FOLDER)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
