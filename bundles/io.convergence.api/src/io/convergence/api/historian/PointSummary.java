package io.convergence.api.historian;

import java.time.Instant;

import io.convergence.api.point.PointPath;

/**
 * What a historian holds of one point.
 *
 * @param point the point
 * @param count the number of samples stored
 * @param first the earliest sample's time
 * @param last the latest sample's time
 */
public record PointSummary(PointPath point, long count, Instant first, Instant last) {
}
