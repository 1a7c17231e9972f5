package api.pantheon.payments.jobs.entity;

/** Where a run of a job stands. STOPPED and FAILED runs can be restarted from their last checkpoint. */
public enum JobStatus {
    STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED;

    public boolean isActive() {
        return this == STARTING || this == STARTED || this == STOPPING;
    }

    public boolean isRestartable() {
        return this == STOPPED || this == FAILED;
    }
}
