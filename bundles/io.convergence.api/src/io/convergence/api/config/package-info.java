/**
 * Configuration: what each component accepts (its schema, from its MetaType description), and the
 * service that checks, applies and exports JSON configuration files through ConfigurationAdmin.
 *
 * <p>Every connector and model instance is a factory configuration described by MetaType, so the
 * workbench renders an editor for a partner's component it has never seen, and a configuration
 * file that the command line accepts the workbench accepts too.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.jspecify.annotations.NullMarked
package io.convergence.api.config;
