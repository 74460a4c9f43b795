package io.convergence.api.point;

import org.jspecify.annotations.Nullable;

/**
 * What is known about a point besides its samples.
 *
 * @param path where the point lives in the plant hierarchy
 * @param type the kind of value it carries
 * @param unit engineering unit such as {@code °C} or {@code mm/s}; empty if none
 * @param description a human description; empty if none
 * @param source the id of the connector that publishes it
 * @param sourceAddress the address in the source system (an OPC UA NodeId, a topic, a register);
 *     {@code null} if the point is derived
 */
public record PointInfo(PointPath path, DataType type, String unit, String description, String source,
                        @Nullable String sourceAddress) {
}
