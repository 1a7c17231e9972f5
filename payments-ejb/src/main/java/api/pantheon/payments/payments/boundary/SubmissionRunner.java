package api.pantheon.payments.payments.boundary;

import api.pantheon.payments.payments.control.BusinessSystem;
import api.pantheon.payments.payments.control.InFlight;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a committed submission to the business system and stores its answer when it comes. The
 * {@code @Asynchronous} call only starts the request; the answer arrives on the HTTP client's
 * threads and goes to the {@link Settler}, so no thread is held while the business system thinks.
 */
@Stateless
public class SubmissionRunner {

    private static final Logger LOG = Logger.getLogger(SubmissionRunner.class.getName());

    @Inject
    Submissions submissions;

    @Inject
    BusinessSystem businessSystem;

    @Inject
    Settler settler;

    @Inject
    InFlight inFlight;

    @Asynchronous
    public void submit(String paymentId) {
        inFlight.started(paymentId);
        try {
            businessSystem.submit(submissions.submitted(paymentId)).whenComplete((answer, failure) -> {
                try {
                    settler.answered(paymentId, failure == null ? answer : BusinessSystem.Answer.UNKNOWN);
                } catch (RuntimeException e) {
                    inFlight.finished(paymentId);
                    LOG.log(Level.WARNING, "The answer to submission " + paymentId + " was lost; reconciliation asks again", e);
                }
            });
        } catch (RuntimeException e) {
            inFlight.finished(paymentId);
            LOG.log(Level.WARNING, "Submission " + paymentId + " was not sent; reconciliation will send it", e);
        }
    }
}
