package api.pantheon.payments.schema.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to the newest migration before anything else runs. The database is chosen
 * by configuration alone (embedded H2 by default, PostgreSQL in production); Flyway's history table
 * makes this safe when several instances start at once.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "${MPCONFIG=payments.datasource.class}",
        url = "${MPCONFIG=payments.datasource.url}",
        user = "${MPCONFIG=payments.datasource.user}",
        password = "${MPCONFIG=payments.datasource.password}",
        minPoolSize = 2,
        maxPoolSize = 48)
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/payments";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
