package io.convergence.core.config;

import java.util.Optional;
import java.util.SortedSet;

/** Finds what a configuration PID accepts. */
public interface SchemaCatalog {

    /** The schema of a PID or factory PID, if some installed bundle describes it. */
    Optional<ConfigSchema> find(String pid);

    /** Every PID and factory PID described, for error messages. */
    SortedSet<String> pids();
}
