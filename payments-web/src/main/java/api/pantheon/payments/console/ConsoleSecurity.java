package api.pantheon.payments.console;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The console's login: Jakarta Security's custom form, which redirects an unauthenticated visit to the
 * login page and back to where it was going once the operator has logged in. The session holds the
 * login; the roles come from {@link OperatorIdentityStore}. The client APIs are not protected by it:
 * they authenticate each call with its API key.
 */
@ApplicationScoped
@DeclareRoles({ConsoleRoles.VIEWER, ConsoleRoles.OPERATOR, ConsoleRoles.ADMIN})
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = ConsoleRoles.LOGIN_PAGE, useForwardToLogin = false, errorPage = ""))
public class ConsoleSecurity {
}
