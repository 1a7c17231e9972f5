package api.pantheon.payments.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.pantheon.payments.operators.entity.OperatorRole;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleRolesTest {

    @Test
    void eachOperatorHoldsItsRoleAndEveryRoleBelowIt() {
        assertEquals(Set.of("VIEWER"), ConsoleRoles.upTo(OperatorRole.VIEWER));
        assertEquals(Set.of("VIEWER", "OPERATOR"), ConsoleRoles.upTo(OperatorRole.OPERATOR));
        assertEquals(Set.of("VIEWER", "OPERATOR", "ADMIN"), ConsoleRoles.upTo(OperatorRole.ADMIN));
    }

    @Test
    void theRoleNamesAreTheOperatorTablesOwn() {
        assertEquals(OperatorRole.VIEWER.name(), ConsoleRoles.VIEWER);
        assertEquals(OperatorRole.OPERATOR.name(), ConsoleRoles.OPERATOR);
        assertEquals(OperatorRole.ADMIN.name(), ConsoleRoles.ADMIN);
    }
}
