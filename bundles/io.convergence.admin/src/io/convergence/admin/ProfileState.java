package io.convergence.admin;

import java.time.Instant;
import java.util.List;

/**
 * One state of the installation in its history.
 *
 * @param number its number, 1 for the oldest; what {@link Change.Revert} takes
 * @param time when it was committed
 * @param rootFeatures the root features in that state, as {@code id version}
 * @param current whether it is the state now
 */
public record ProfileState(int number, Instant time, List<String> rootFeatures, boolean current) {
    public ProfileState {
        rootFeatures = List.copyOf(rootFeatures);
    }
}
