package io.convergence.core.config;

/**
 * One thing wrong in a configuration file.
 *
 * @param file the file, as given
 * @param line the line, 1-based; 0 if unknown
 * @param column the column, 1-based; 0 if unknown
 * @param field where in the file: {@code io.convergence.connector.opcua[0].endpoint}
 * @param message what is wrong and what was expected
 */
public record ConfigProblem(String file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return field.isEmpty() ? where + ": " + message : where + ": " + field + ": " + message;
    }
}
