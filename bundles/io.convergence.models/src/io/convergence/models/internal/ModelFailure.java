package io.convergence.models.internal;

/**
 * The model's own code threw: {@code open}, {@code onSamples}, {@code advance}, {@code checkpoint},
 * {@code recomputeFrom}. Kept apart from the host's own trouble (history that cannot be read), so
 * that the host blames the right party and isolates the model that failed.
 */
final class ModelFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ModelFailure(String modelId, String call, Throwable cause) {
        super("model '" + modelId + "' failed in " + call + ": " + describe(cause), cause);
    }

    /** Runs a call into the model, turning whatever it throws into a {@link ModelFailure}. */
    static <T> T call(String modelId, String call, ModelCall<T> code) {
        try {
            return code.run();
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            if (e instanceof ModelFailure f) {
                throw f;
            }
            if (e instanceof StopRequested s) {
                throw s;
            }
            throw new ModelFailure(modelId, call, e);
        }
    }

    /** Like {@link #call} for code that returns nothing. */
    static void run(String modelId, String call, Runnable code) {
        call(modelId, call, () -> {
            code.run();
            return null;
        });
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + m;
    }

    /** Code of the model's. */
    @FunctionalInterface
    interface ModelCall<T> {
        T run();
    }

    /** The host is stopping the model; unwinds a catch-up or a replay between two batches. */
    static final class StopRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopRequested() {
            super("the model is being stopped", null, false, false);
        }
    }
}
