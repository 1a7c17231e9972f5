package api.pantheon.payments.security.boundary;

import api.pantheon.payments.security.control.ServerSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Whether a presented token is the operators' admin token, compared in constant time. */
@ApplicationScoped
public class AdminToken {

    @Inject
    ServerSecrets secrets;

    public boolean matches(String presented) {
        return secrets.isAdminToken(presented);
    }
}
