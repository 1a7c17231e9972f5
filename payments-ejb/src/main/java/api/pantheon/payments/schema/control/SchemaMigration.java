package api.pantheon.payments.schema.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** Migrations for every database. */
    private static final String SHARED_MIGRATIONS = "classpath:db/migration";
    /**
     * Migrations for embedded H2 alone, numbered between the shared ones (16.1 after 16), which PostgreSQL's
     * history simply lacks: H2 indexes every foreign key by itself, PostgreSQL does not.
     */
    private static final String H2_MIGRATIONS = "classpath:db/h2";

    @PostConstruct
    void prepare() {
        boolean embedded = isEmbedded();
        migrate(embedded);
        if (embedded) {
            makeEmbeddedDatabaseDurable();
        }
    }

    private boolean isEmbedded() {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it", e);
        }
    }

    private void migrate(boolean embedded) {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(embedded ? new String[] {SHARED_MIGRATIONS, H2_MIGRATIONS} : new String[] {SHARED_MIGRATIONS})
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /**
     * H2 writes committed transactions to its file up to half a second later by default, so a killed
     * process loses what was already answered as done. With no write delay each commit is written to
     * the file (the operating system's, not yet the disk's) before the commit returns. Set here as well
     * as in run.sh's URL, so that an H2 URL given without it is still safe.
     */
    private void makeEmbeddedDatabaseDurable() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
            LOG.info("Embedded H2: every commit is written to the database file before it is acknowledged");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the embedded database write every commit", e);
        }
    }
}
