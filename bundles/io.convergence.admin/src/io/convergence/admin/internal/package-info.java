/** Feature management on p2: the service, its transport, trust policy, audit log and live apply. */
@org.jspecify.annotations.NullMarked
package io.convergence.admin.internal;
