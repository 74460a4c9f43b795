/** The headless command line: demo, runtime, history and bench commands. Not API. */
@org.jspecify.annotations.NullMarked
package io.convergence.runtime.internal;
