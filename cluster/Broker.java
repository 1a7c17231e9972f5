import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.broker.BrokerService;

/**
 * The cluster's message broker: ActiveMQ Classic's own BrokerService, the same broker (and jars) the
 * resource adapter embeds in a single instance, run in a process of its own so that every instance
 * shares one set of queues. Messages are kept in KahaDB under the given directory, so a restart of
 * the broker loses none. Started by cluster.sh with Java's source launcher:
 * {@code java -cp '<broker jars>/*' cluster/Broker.java tcp://127.0.0.1:61616 <data dir>}.
 */
public class Broker {

    private static final Logger LOG = Logger.getLogger(Broker.class.getName());

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            LOG.severe("usage: Broker <transport URI> <data directory>");
            System.exit(2);
        }
        BrokerService broker = new BrokerService();
        broker.setBrokerName("payments");
        broker.setDataDirectoryFile(Path.of(args[1]).toFile());
        broker.setPersistent(true);
        broker.setUseJmx(false);
        broker.addConnector(args[0]);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM stops the broker cleanly (its journal closed); kill -9 relies on KahaDB's recovery.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
                broker.waitUntilStopped();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "The broker did not stop cleanly; KahaDB recovers its journal at the next start", e);
            } finally {
                stopped.countDown();
            }
        }, "broker-stop"));
        broker.start();
        broker.waitUntilStarted();
        LOG.info(() -> "Broker started on " + args[0]);
        stopped.await();
    }
}
