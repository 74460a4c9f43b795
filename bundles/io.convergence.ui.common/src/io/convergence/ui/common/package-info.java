/**
 * What every view of the workbench shows the same way: choosing points (one search behaviour, one
 * dialog), the labels and colours of sample quality and connection state, and services that come
 * and go under a view. For our views and partners' alike; versioned like the API.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.ui.common;
