package io.convergence.runtime.internal;

/** The baseline of {@code convergence bench startup}: the same JVM, starting and printing one word. */
public final class StartupHello {

    private StartupHello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
