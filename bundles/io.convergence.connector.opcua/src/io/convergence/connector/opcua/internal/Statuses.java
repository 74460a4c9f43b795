package io.convergence.connector.opcua.internal;

import java.util.Optional;

import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.jspecify.annotations.Nullable;

/** OPC UA status codes as people read them: the symbolic name, its meaning and the code. */
final class Statuses {

    private Statuses() {
    }

    /** For example {@code Bad_TypeMismatch (0x80740000)}. */
    static String name(@Nullable StatusCode code) {
        if (code == null) {
            return "Good";
        }
        Optional<String[]> found = StatusCodes.lookup(code.getValue());
        String hex = String.format("0x%08X", code.getValue());
        return found.map(n -> n[0] + " (" + hex + ")").orElse(hex);
    }

    /** The symbolic name alone, such as {@code Bad_Timeout}, or the code in hex. */
    static String symbol(StatusCode code) {
        return StatusCodes.lookup(code.getValue()).map(n -> n[0]).orElse(String.format("0x%08X", code.getValue()));
    }

    /** Name and description, for error messages: {@code Bad_TypeMismatch (0x80740000): The value supplied ...}. */
    static String describe(@Nullable StatusCode code) {
        if (code == null) {
            return "Good";
        }
        Optional<String[]> found = StatusCodes.lookup(code.getValue());
        String name = name(code);
        return found.filter(n -> n.length > 1 && !n[1].isBlank()).map(n -> name + ": " + n[1]).orElse(name);
    }

    /** The status a failure carries, if it is an OPC UA one. */
    static @Nullable StatusCode of(Throwable t) {
        return UaException.extractStatusCode(t).orElse(null);
    }

    /** Whether a failure carries the given status code. */
    static boolean is(Throwable t, long code) {
        StatusCode s = of(t);
        return s != null && s.getValue() == code;
    }
}
