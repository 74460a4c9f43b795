package io.convergence.api.point;

/**
 * A structured value: an array or a structure, written as JSON text (an array for arrays, an object
 * for structures whose fields are known). Points of type {@link DataType#JSON} carry these, so that
 * a vector of twelve temperatures stays twelve numbers rather than one line of text.
 *
 * @param json the value as JSON text, as the connector wrote it
 * @since 1.1
 */
public record JsonValue(String json) {

    @Override
    public String toString() {
        return json;
    }
}
