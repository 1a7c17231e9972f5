package api.pantheon.payments.retention.boundary;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One step of the retention job: rounds of removal until nothing is left or the run is stopped.
 * Its own checkpoint is the data itself: what was removed is gone, so a restart simply goes on.
 */
@Named("retentionStep")
@Dependent
public class RetentionBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty(name = "kind")
    String kind;

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    Retention retention;

    private volatile boolean stopping;

    @Override
    public String process() {
        Retention.Kind removing = Retention.Kind.valueOf(kind);
        while (!stopping && retention.removeRound(runId, removing) > 0) {
            // each round is a transaction of its own; the step ends when a round finds nothing
        }
        return stopping ? BatchStatus.STOPPED.name() : BatchStatus.COMPLETED.name();
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
