package io.convergence.ui.explorer.internal;

import java.util.List;

/**
 * Children that come from a slow source (a connector's browse): not asked for until a node is
 * expanded, a placeholder while they load, the loaded list or the failure afterwards. Asked for on
 * the UI thread, loaded on a background job; thread-safe.
 */
public final class LazyChildren {

    /** Where the loading stands. */
    public enum State {
        /** Never asked for. */
        NOT_LOADED,
        /** Being loaded. */
        LOADING,
        /** Loaded. */
        LOADED,
        /** Loading failed; shown as a message. */
        FAILED
    }

    /** Shown while the children load. */
    public record Loading(Object owner) {
    }

    /** Shown instead of children: why they could not be loaded. */
    public record Message(Object owner, String text) {
    }

    private final Object owner;
    private State state = State.NOT_LOADED;
    private List<?> children = List.of();

    /** @param owner the node whose children these are */
    public LazyChildren(Object owner) {
        this.owner = owner;
    }

    public synchronized State state() {
        return state;
    }

    /**
     * Marks the children as loading if nobody asked for them yet.
     *
     * @return {@code true} if the caller must now load them
     */
    public synchronized boolean startLoading() {
        if (state != State.NOT_LOADED) {
            return false;
        }
        state = State.LOADING;
        return true;
    }

    /** What to show now: the children, a {@link Loading} placeholder, or a {@link Message}. */
    public synchronized List<?> shown() {
        return switch (state) {
            case LOADED -> children;
            case FAILED -> children;
            case NOT_LOADED, LOADING -> List.of(new Loading(owner));
        };
    }

    /** The children arrived. */
    public synchronized void loaded(List<?> list) {
        children = List.copyOf(list);
        state = State.LOADED;
    }

    /** Loading failed; {@code text} says why. */
    public synchronized void failed(String text) {
        children = List.of(new Message(owner, text));
        state = State.FAILED;
    }

    /** Forgets a failure so that the next expansion tries again; returns whether there was one. */
    public synchronized boolean retryIfFailed() {
        if (state != State.FAILED) {
            return false;
        }
        state = State.NOT_LOADED;
        children = List.of();
        return true;
    }

    /** Loading was given up before it ended; the next expansion tries again. */
    public synchronized void cancelled() {
        state = State.NOT_LOADED;
        children = List.of();
    }

    /** Forgets everything loaded, so that the next expansion browses again. */
    public synchronized void reset() {
        if (state != State.LOADING) {
            state = State.NOT_LOADED;
            children = List.of();
        }
    }
}
