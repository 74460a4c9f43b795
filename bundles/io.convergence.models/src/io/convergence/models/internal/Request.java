package io.convergence.models.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.convergence.api.model.ModelStatus;

import org.jspecify.annotations.Nullable;

/**
 * A recompute asked for, through the host or by the model.
 *
 * @param done completed when it is done; null for the model's own requests
 */
record Request(Instant from, Instant to, String reason, @Nullable CompletableFuture<ModelStatus> done) {

    /** Requests waiting together, as one over the range they cover. */
    static Request merge(List<Request> requests) {
        Instant from = requests.get(0).from();
        Instant to = requests.get(0).to();
        List<String> reasons = new ArrayList<>();
        for (Request r : requests) {
            from = r.from().isBefore(from) ? r.from() : from;
            to = r.to().isAfter(to) ? r.to() : to;
            if (!reasons.contains(r.reason())) {
                reasons.add(r.reason());
            }
        }
        return new Request(from, to, String.join(", ", reasons), null);
    }

    void complete(@Nullable ModelStatus status, @Nullable Throwable failure) {
        CompletableFuture<ModelStatus> d = done;
        if (d == null) {
            return;
        }
        if (failure != null) {
            d.completeExceptionally(failure);
        } else if (status != null) {
            d.complete(status);
        }
    }
}
