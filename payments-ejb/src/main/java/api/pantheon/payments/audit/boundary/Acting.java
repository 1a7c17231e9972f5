package api.pantheon.payments.audit.boundary;

import api.pantheon.payments.audit.entity.Actor;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who the current call is made by, for the audit trail. The web edge says so for each request (an
 * operator, the admin token, a client's key); timers, workers and jobs, which CDI also gives a request
 * context, are the platform itself unless they say which job they are.
 */
@RequestScoped
public class Acting {

    private Actor actor = Actor.system("platform");
    private String reason;

    public Actor actor() {
        return actor;
    }

    public void as(Actor actor) {
        this.actor = actor;
    }

    /** Why, when the call says so apart from its arguments (the admin API's {@code Audit-Reason} header). */
    public String reason() {
        return reason;
    }

    public void because(String reason) {
        this.reason = reason;
    }
}
