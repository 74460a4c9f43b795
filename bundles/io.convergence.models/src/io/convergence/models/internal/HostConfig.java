package io.convergence.models.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The model host's settings; every one has a default, so the host runs without a configuration. */
@ObjectClassDefinition(id = ModelHostComponent.PID, name = "Analytics model host",
    description = "Runs every analytics model: live from the sample bus, from history after a restart, and"
        + " again over ranges whose input data arrived late.")
public @interface HostConfig {

    @AttributeDefinition(name = "Checkpoint period (s)", description = "How often each model's state is written"
        + " to disk; a restart after a crash catches up from the last one.", min = "1")
    int checkpointSeconds() default 60;

    @AttributeDefinition(name = "Advance period (ms)", description = "How often a live model is told the time has"
        + " moved on, so that it closes its periods.", min = "10")
    int advanceMillis() default 1000;

    @AttributeDefinition(name = "Checkpoint folder", description = "Where checkpoints are kept; empty: the folder"
        + " 'models' in the historian's data folder.", required = false)
    String checkpointDir() default "";

    @AttributeDefinition(name = "Queued input samples", description = "Input samples a model may have waiting"
        + " before its bus subscription holds up the publishers.", min = "1000")
    int maxQueuedSamples() default 1_000_000;

    @AttributeDefinition(name = "Retry after failure (s)", description = "The first wait before a failed model is"
        + " started again; it doubles after each failure, up to ten minutes.", min = "1")
    int retrySeconds() default 10;
}
