package api.pantheon.payments.ledger.control;

import api.pantheon.payments.money.control.Currencies;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Makes sure every configured currency has its system account before the first deposit. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SystemAccountsSetup {

    private static final Logger LOG = Logger.getLogger(SystemAccountsSetup.class.getName());

    @Inject
    SystemAccounts systemAccounts;

    @Inject
    Currencies currencies;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void openMissing() {
        for (var currency : currencies.all()) {
            try {
                systemAccounts.ensure(currency);
            } catch (EJBException e) {
                // Expected when another instance opened them at the same moment: then they exist now.
                if (systemAccounts.systemId(currency).isEmpty() || systemAccounts.clearingId(currency).isEmpty()) {
                    throw e;
                }
                LOG.fine(() -> "System accounts for " + currency + " were opened by another instance");
            }
        }
    }
}
