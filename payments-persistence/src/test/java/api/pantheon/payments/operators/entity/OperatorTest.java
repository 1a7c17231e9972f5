package api.pantheon.payments.operators.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OperatorTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Test
    void theFifthFailureInARowLocksTheAccountForTheLockout() {
        Operator operator = new Operator("maria", "hash", OperatorRole.OPERATOR, NOW);
        for (int failure = 1; failure < Operator.MAX_FAILED_LOGINS; failure++) {
            operator.loginFailed(NOW, LOCKOUT);
            assertFalse(operator.isLockedAt(NOW), "after " + failure + " failures");
        }
        operator.loginFailed(NOW, LOCKOUT);
        assertTrue(operator.isLockedAt(NOW.plus(LOCKOUT).minusSeconds(1)));
        assertFalse(operator.isLockedAt(NOW.plus(LOCKOUT)));
        assertEquals(NOW.plus(LOCKOUT), operator.lockedUntil().orElseThrow());
    }

    @Test
    void aGoodLoginStartsTheCountAgain() {
        Operator operator = new Operator("maria", "hash", OperatorRole.OPERATOR, NOW);
        for (int failure = 1; failure < Operator.MAX_FAILED_LOGINS; failure++) {
            operator.loginFailed(NOW, LOCKOUT);
        }
        operator.loggedIn();
        operator.loginFailed(NOW, LOCKOUT);
        assertFalse(operator.isLockedAt(NOW), "four failures, a login, then one failure: not five in a row");
    }

    @Test
    void aRemovedOperatorTakenAgainStartsClean() {
        Operator operator = new Operator("maria", "hash", OperatorRole.ADMIN, NOW);
        for (int failure = 0; failure < Operator.MAX_FAILED_LOGINS; failure++) {
            operator.loginFailed(NOW, LOCKOUT);
        }
        operator.remove(NOW);
        assertTrue(operator.isRemoved());
        operator.restore("new-hash", OperatorRole.VIEWER);
        assertFalse(operator.isRemoved());
        assertFalse(operator.isLockedAt(NOW));
        assertEquals(OperatorRole.VIEWER, operator.role());
    }

    @Test
    void eachRoleMayDoWhatTheRolesBelowItMay() {
        assertTrue(OperatorRole.ADMIN.mayDo(OperatorRole.OPERATOR));
        assertTrue(OperatorRole.OPERATOR.mayDo(OperatorRole.VIEWER));
        assertFalse(OperatorRole.VIEWER.mayDo(OperatorRole.OPERATOR));
        assertFalse(OperatorRole.OPERATOR.mayDo(OperatorRole.ADMIN));
    }
}
