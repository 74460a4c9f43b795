/** The demo service's implementation. */
@org.jspecify.annotations.NullMarked
package io.convergence.demo.internal;
