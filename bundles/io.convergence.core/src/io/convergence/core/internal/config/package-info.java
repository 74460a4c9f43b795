/**
 * The configuration service: reading JSON configuration files with the place of every value,
 * checking them against MetaType, applying them to ConfigurationAdmin and writing them back.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.core.internal.config;
