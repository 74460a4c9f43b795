package io.convergence.models.internal;

/** A checkpoint file exists but cannot be used; the message names the file and what is wrong with it. */
final class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }

    CheckpointException(String message) {
        super(message);
    }
}
