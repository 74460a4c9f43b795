package com.example.partner.model.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of one statistics model. The MetaType description generated from this annotation is
 * what the runtime checks configuration files against and what the workbench renders as a form.
 * Every attribute has a default, so the model runs right after installation: on the temperature of
 * the example connector.
 */
@ObjectClassDefinition(id = StatisticsComponent.FACTORY_PID, name = "Example Partner window statistics",
    description = "Mean, minimum, maximum, standard deviation and count of the points you pick, per window of time.")
public @interface StatisticsConfig {

    @AttributeDefinition(name = "Model id",
        description = "Unique id of this model in the runtime; the source of its output points and events.")
    String id() default "example-statistics";

    @AttributeDefinition(name = "Input points",
        description = "The points whose samples count, such as acme/lyon/line1/filler/temperature; a path ending"
            + " in /** takes every point below it. Only numeric samples of good quality count.")
    String[] inputs() default {"partner/example/temperature"};

    @AttributeDefinition(name = "Window (s)", description = "The length of a window; windows start at multiples"
        + " of it since 1970-01-01 UTC, so a 60 s window is a clock minute.", min = "1", max = "31622400")
    int windowSeconds() default 10;

    @AttributeDefinition(name = "Grace (s)", description = "How long after a window's end samples are waited for"
        + " before its statistics are published; a sample later than that makes the window be recomputed.",
        min = "0", max = "86400")
    int graceSeconds() default 2;

    @AttributeDefinition(name = "Output path", description = "Where the statistics are published: PATH/mean,"
        + " PATH/min, PATH/max, PATH/stddev and PATH/count, each stamped with its window's start.")
    String outputPath() default "partner/example/statistics";
}
