package io.convergence.ui.explorer.tests;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;

/** A stand-in for a workbench service that records the calls made to it. */
final class Recorder {

    private Recorder() {
    }

    /** An object of {@code type} that adds "method [args]" to {@code calls} and answers true, or null. */
    static <T> T of(Class<T> type, List<String> calls) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> type.getSimpleName() + " recorder";
                };
            }
            calls.add(m.getName() + " " + Arrays.deepToString(args));
            return m.getReturnType() == boolean.class ? Boolean.TRUE : null;
        }));
    }
}
