package api.pantheon.payments.instances.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who this running server is: a fresh id for this run (so that a restart never inherits its killed
 * predecessor's claims) and a name people recognise ({@code payments.instance.name}, else the host's).
 */
@ApplicationScoped
public class ThisInstance {

    private final String id = UUID.randomUUID().toString();
    private String name;

    protected ThisInstance() {
        // for CDI's client proxy
    }

    @Inject
    public ThisInstance(@ConfigProperty(name = "payments.instance.name") Optional<String> configured) {
        this.name = configured.filter(text -> !text.isBlank()).orElseGet(ThisInstance::hostName);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "payments";
        }
    }
}
