package io.convergence.admin;

import org.osgi.annotation.versioning.ConsumerType;

/** Progress of a long operation (loading repositories, downloading, committing). */
@ConsumerType
public interface Progress {

    /** A new step, with its size in work units (0 when unknown). */
    void step(String name, long work);

    /** Work done in the current step. */
    void worked(long work);

    /** Detail within the current step, such as the file being downloaded. */
    default void detail(String text) {
    }

    /** Whether the user asked to stop. */
    default boolean cancelled() {
        return false;
    }

    /** Progress nobody watches. */
    Progress NONE = new Progress() {
        @Override
        public void step(String name, long work) {
        }

        @Override
        public void worked(long work) {
        }
    };
}
