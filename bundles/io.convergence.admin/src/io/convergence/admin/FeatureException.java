package io.convergence.admin;

/** Why a feature operation did not happen; the message says what and where, in plain words. */
public final class FeatureException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, so that callers can react (exit codes, dialogs). */
    public enum Kind {
        /** No such feature in the repositories, or not installed. */
        UNKNOWN_FEATURE,
        /** A repository could not be reached or read. */
        UNREACHABLE_REPOSITORY,
        /** The change conflicts with what is installed, or needs what no repository has. */
        CONFLICT,
        /** Content is unsigned or signed by a publisher the policy does not trust. */
        UNTRUSTED,
        /** A bundle of the change cannot be installed or resolved. */
        BROKEN_BUNDLE,
        /** Bad input: a malformed URL, an unreadable key file, an unknown state number. */
        INVALID,
        /** Anything else, such as a disk error while committing. */
        FAILED
    }

    private final Kind kind;

    public FeatureException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FeatureException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
