package api.pantheon.payments.console;

import api.pantheon.payments.operators.entity.OperatorRole;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The console's roles, named as the operator table names them; each holds the ones below it. */
public final class ConsoleRoles {

    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";
    public static final String ADMIN = "ADMIN";
    public static final String LOGIN_PAGE = "/console/login.xhtml";

    private ConsoleRoles() {
    }

    /** The highest role the logged-in operator holds. */
    static String of(HttpServletRequest request) {
        return request.isUserInRole(ADMIN) ? ADMIN : request.isUserInRole(OPERATOR) ? OPERATOR : VIEWER;
    }

    /** VIEWER for a viewer; VIEWER and OPERATOR for an operator; all three for an admin. */
    static Set<String> upTo(OperatorRole role) {
        return Arrays.stream(OperatorRole.values()).filter(role::mayDo).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
