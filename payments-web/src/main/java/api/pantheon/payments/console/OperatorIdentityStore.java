package api.pantheon.payments.console;

import api.pantheon.payments.operators.boundary.Operators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

/** Operators and their PBKDF2 hashes, as kept by {@link Operators}; a locked account says until when. */
@ApplicationScoped
public class OperatorIdentityStore implements IdentityStore {

    /** Set on the request when the login failed because the account is locked: the page says so. */
    static final String LOCKED_UNTIL = "console.lockedUntil";

    @Inject
    Operators operators;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Operators.Login outcome = operators.verify(login.getCaller(), login.getPasswordAsString());
        if (outcome instanceof Operators.Login.Accepted accepted) {
            return new CredentialValidationResult(accepted.username(), ConsoleRoles.upTo(accepted.role()));
        }
        if (outcome instanceof Operators.Login.Locked locked) {
            request.setAttribute(LOCKED_UNTIL, locked.until());
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
