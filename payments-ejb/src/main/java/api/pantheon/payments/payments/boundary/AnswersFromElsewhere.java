package api.pantheon.payments.payments.boundary;

import api.pantheon.payments.payments.control.Answers;
import api.pantheon.payments.timers.OneAtATime;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A make-payment caller waits on the instance it called, but the answer may be stored by another one
 * (its reconciliation round, or the business system's answer reaching it). Every second, while anyone
 * here waits, one query per few hundred waiters reads which of their payments are settled, and hands
 * them their item. The database is the one place every instance reads, so nothing else is shared.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AnswersFromElsewhere {

    private static final Logger LOG = Logger.getLogger(AnswersFromElsewhere.class.getName());
    private static final int PER_QUERY = 500;

    @Inject
    Answers answers;

    @Inject
    Submissions submissions;

    private final OneAtATime guard = new OneAtATime();

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "answers stored by other instances")
    void look() {
        List<String> awaited = new ArrayList<>(answers.awaited());
        if (awaited.isEmpty()) {
            return;
        }
        guard.run(() -> {
            try {
                for (int from = 0; from < awaited.size(); from += PER_QUERY) {
                    submissions.settledAmong(awaited.subList(from, Math.min(awaited.size(), from + PER_QUERY)))
                            .forEach(answers::answered);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reading answers stored elsewhere failed; the next second retries", e);
            }
        });
    }
}
