package io.convergence.api.connector;

import io.convergence.api.point.DataType;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * A node of a source's address space, as browsed.
 *
 * @param nodeId the source's address of the node, to pass back to {@link Connector#browse}
 * @param name the display name
 * @param kind what kind of node it is
 * @param type for variables, the value type; otherwise {@code null}
 * @param point for variables, the point it maps to; otherwise {@code null}
 */
public record BrowseNode(String nodeId, String name, Kind kind, @Nullable DataType type, @Nullable PointPath point) {

    /** Kinds of node. */
    public enum Kind {
        /** A node that only organizes others. */
        FOLDER,
        /** A node that stands for a thing, with variables and methods below it. */
        OBJECT,
        /** A node with a value. */
        VARIABLE,
        /** A callable method. */
        METHOD
    }
}
