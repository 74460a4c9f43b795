package io.convergence.api.historian;

import java.time.Instant;

/**
 * Aggregates of one point's numeric samples over one time bucket.
 *
 * @param start the bucket's start (inclusive)
 * @param count the number of samples with a numeric value
 * @param min the smallest value
 * @param max the largest value
 * @param avg the arithmetic mean
 * @param first the value of the earliest sample
 * @param last the value of the latest sample
 * @param bad the number of samples with bad quality, gaps included
 */
public record Bucket(Instant start, long count, double min, double max, double avg, double first, double last,
                     long bad) {
}
