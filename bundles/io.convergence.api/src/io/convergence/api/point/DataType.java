package io.convergence.api.point;

/** The kind of value a point carries. */
public enum DataType {
    /** true or false; carried as 1.0 or 0.0 in a {@link SampleBatch}. */
    BOOLEAN,
    /** a whole number; carried exactly in a {@link SampleBatch} up to 2^53. */
    INTEGER,
    /** a floating-point number. */
    DOUBLE,
    /** text. */
    STRING,
    /**
     * an array or a structure, carried as JSON text ({@link JsonValue}).
     *
     * @since 1.1
     */
    JSON;

    /** Whether samples of this type are carried as numbers. */
    public boolean isNumeric() {
        return this != STRING && this != JSON;
    }
}
