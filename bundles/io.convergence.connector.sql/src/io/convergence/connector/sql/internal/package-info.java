/**
 * The SQL connector: configured queries against any database with an OSGi JDBC driver, polled,
 * their rows mapped to points and to business records served as a
 * {@link io.convergence.api.business.BusinessData} service. Internal.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.connector.sql.internal;
