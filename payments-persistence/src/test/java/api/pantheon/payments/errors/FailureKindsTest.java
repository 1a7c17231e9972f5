package api.pantheon.payments.errors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** A race lost on a unique key, an unreachable database and a bug are three different answers. */
class FailureKindsTest {

    @Test
    void aUniqueKeyRaceIsAConflictAndNothingElseIs() {
        assertTrue(Conflicts.isDuplicateKey(new PersistenceException(new SQLIntegrityConstraintViolationException("dup", "23505"))));
        assertTrue(Conflicts.isDuplicateKey(new PersistenceException(new SQLException("dup", "23000"))));
        assertFalse(Conflicts.isDuplicateKey(new PersistenceException(new SQLException("down", "08001"))));
        assertFalse(Conflicts.isDuplicateKey(new PersistenceException("no cause")));
    }

    @Test
    void anUnreachableDatabaseIsAnOutageAndAConflictIsNot() {
        assertTrue(Outages.isDatabaseUnavailable(new PersistenceException(new SQLException("refused", "08001"))));
        assertTrue(Outages.isDatabaseUnavailable(new RuntimeException(new SQLTransientConnectionException("pool empty"))));
        assertTrue(Outages.isDatabaseUnavailable(new RuntimeException(new jakarta.resource.ResourceException("no connection"))));
        assertFalse(Outages.isDatabaseUnavailable(new PersistenceException(new SQLException("dup", "23505"))));
        assertFalse(Outages.isDatabaseUnavailable(new IllegalStateException("a bug")));
    }
}
