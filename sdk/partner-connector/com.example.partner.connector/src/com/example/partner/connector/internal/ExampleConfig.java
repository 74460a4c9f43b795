package com.example.partner.connector.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of one example connector. The MetaType description generated from this annotation
 * is what the runtime checks configuration files against and what the workbench's Connections
 * view renders as a form. Every attribute has a default, so the connector runs without any
 * configuration.
 */
@ObjectClassDefinition(id = ExampleConnector.FACTORY_PID, name = "Example Partner connector",
    description = "Publishes a counter and a simulated temperature every period.")
public @interface ExampleConfig {

    @AttributeDefinition(name = "Connector id",
        description = "Unique id of this connector in the runtime; the source of its points and events.")
    String id() default "example";

    @AttributeDefinition(name = "Path prefix",
        description = "Segments (separated by /) in front of the point names, such as acme/lyon/partner.")
    String pathPrefix() default "partner/example";

    @AttributeDefinition(name = "Period (ms)", description = "Time between two published batches.", min = "50")
    int periodMs() default 500;

    @AttributeDefinition(name = "Mean temperature (°C)")
    double temperatureMean() default 20.0;

    @AttributeDefinition(name = "Temperature amplitude (°C)", min = "0")
    double temperatureAmplitude() default 5.0;

    @AttributeDefinition(name = "Temperature cycle (s)", description = "Duration of one sine cycle.", min = "1")
    int temperatureCycleSeconds() default 60;
}
