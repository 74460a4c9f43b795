/** The runtime's own services: sample bus, point registry, event bus, recorder. Not API. */
@org.jspecify.annotations.NullMarked
package io.convergence.core.internal;
