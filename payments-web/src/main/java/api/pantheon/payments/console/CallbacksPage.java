package api.pantheon.payments.console;

import api.pantheon.payments.backoffice.boundary.BackOffice;
import api.pantheon.payments.events.boundary.Events;
import api.pantheon.payments.events.entity.DeliveryView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Callbacks that gave up, across every client, for replay; and the recent failures by host. */
@Named
@RequestScoped
public class CallbacksPage {

    @Inject
    Events events;

    @Inject
    BackOffice backOffice;

    private List<DeliveryView> dead;
    private List<BackOffice.HostFailures> hosts;

    @PostConstruct
    void load() {
        dead = events.dead(200);
        hosts = backOffice.failuresByHost(2000);
    }

    public List<DeliveryView> getDead() {
        return dead;
    }

    public List<BackOffice.HostFailures> getHosts() {
        return hosts;
    }
}
