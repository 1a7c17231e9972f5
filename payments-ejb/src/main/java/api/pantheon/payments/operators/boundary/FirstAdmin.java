package api.pantheon.payments.operators.boundary;

import api.pantheon.payments.errors.PaymentsException;
import api.pantheon.payments.security.control.ServerSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * On the first start of an empty database, the console's first ADMIN, {@code admin}, so that someone
 * can log in and create the others. Later starts change nothing: the password is the operator's now.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "ServerSecrets"})
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
    static final String USERNAME = "admin";

    @Inject
    Operators operators;

    @Inject
    ServerSecrets secrets;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void createOnFirstStart() {
        if (operators.anyEver()) {
            return;
        }
        try {
            operators.create(USERNAME, secrets.consoleAdminPassword(), "ADMIN", "first start");
        } catch (EJBException | PaymentsException anotherInstanceWasFirst) {
            // Another instance may have committed the first ADMIN after anyEver(): create() then refuses the
            // taken name (PaymentsException), or the unique key refuses the insert at commit (EJBException).
            if (operators.find(USERNAME).isEmpty()) {
                throw anotherInstanceWasFirst;
            }
            LOG.fine("The first ADMIN was created by another instance");
        }
    }
}
