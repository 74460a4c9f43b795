package io.convergence.api.bus;

/**
 * Totals of a {@link SampleBus} since it started.
 *
 * @param publishedBatches batches published
 * @param publishedSamples samples published
 * @param skippedBatches batches skipped by {@link Delivery#MAY_SKIP} subscribers that fell behind
 * @param subscribers subscriptions open now
 */
public record BusStatistics(long publishedBatches, long publishedSamples, long skippedBatches, int subscribers) {
}
