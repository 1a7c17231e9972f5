package api.pantheon.payments.jobs.boundary;

import api.pantheon.payments.jobs.control.JobRuns;
import api.pantheon.payments.jobs.entity.JobStatus;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Every job's listener: its run's row says how it ended, whatever ended it. */
@Named("runListener")
@Dependent
public class RunListener implements JobListener {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    JobRuns runs;

    @Override
    public void beforeJob() {
        // The run is marked started when it is handed to the batch runtime.
    }

    @Override
    public void afterJob() {
        // A job whose steps all ended well still reads STARTED here: the runtime completes it after its listeners.
        BatchStatus status = job.getBatchStatus();
        JobStatus ended = switch (status) {
            case FAILED, ABANDONED -> JobStatus.FAILED;
            case STOPPED, STOPPING -> JobStatus.STOPPED;
            default -> JobStatus.COMPLETED;
        };
        runs.ended(runId, ended, job.getExitStatus());
    }
}
