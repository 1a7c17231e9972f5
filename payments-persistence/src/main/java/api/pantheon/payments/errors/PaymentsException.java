package api.pantheon.payments.errors;

import jakarta.ejb.ApplicationException;

/**
 * A rule of the domain or the API was broken. Carries its catalogue entry so that every dialect can
 * answer with a stable code; rolls the container transaction back so nothing half-done is kept.
 */
@ApplicationException(rollback = true)
public class PaymentsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode error;

    public PaymentsException(ErrorCode error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
