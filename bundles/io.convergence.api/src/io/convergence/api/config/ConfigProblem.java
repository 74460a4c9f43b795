package io.convergence.api.config;

/**
 * One thing wrong in a configuration.
 *
 * @param file the file, as given, or the name of the text that was checked
 * @param line the line, 1-based; 0 if unknown
 * @param column the column, 1-based; 0 if unknown
 * @param field where in the file: {@code io.convergence.connector.opcua[0].endpoint}; empty for the whole file
 * @param message what is wrong and what was expected
 * @since 1.0
 */
public record ConfigProblem(String file, int line, int column, String field, String message) {

    /** {@code file:line:column: field: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return field.isEmpty() ? where + ": " + message : where + ": " + field + ": " + message;
    }
}
