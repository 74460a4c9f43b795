package io.convergence.core.internal.config;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** Finds what a configuration PID accepts. */
interface SchemaCatalog {

    /** The schema of a PID or factory PID, if some installed bundle describes it. */
    Optional<Schema> find(String pid);

    /** Every schema described, sorted by PID. */
    List<Schema> all();

    /** Every PID and factory PID described, for error messages. */
    SortedSet<String> pids();
}
