package api.pantheon.payments.payments.control;

import api.pantheon.payments.payments.boundary.Submissions;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a committed submission to the business system and stores its answer when it comes. The
 * {@code @Asynchronous} call only starts the request; the answer arrives on the REST client's
 * managed executor, so no thread is held while the business system thinks.
 */
@Stateless
public class SubmissionRunner {

    private static final Logger LOG = Logger.getLogger(SubmissionRunner.class.getName());

    @Inject
    Submissions submissions;

    @Inject
    BusinessSystem businessSystem;

    @Inject
    Answers answers;

    @Asynchronous
    public void submit(String paymentId) {
        businessSystem.submit(submissions.submissionJson(paymentId)).whenComplete((answer, failure) -> {
            try {
                if (submissions.settle(paymentId, failure == null ? answer : BusinessSystem.Answer.UNKNOWN)) {
                    // UNKNOWN is no answer: its waiters keep waiting, for reconciliation or their time-out
                    answers.answered(paymentId);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Storing the answer for submission " + paymentId + " failed; reconciliation will", e);
            }
        });
    }
}
