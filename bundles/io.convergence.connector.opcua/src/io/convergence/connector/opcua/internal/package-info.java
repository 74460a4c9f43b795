/**
 * The OPC UA connector (Eclipse Milo client): one factory-configured component per server, with its
 * connection, browsing, subscriptions and node mapping in separate classes. Not API.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.connector.opcua.internal;
