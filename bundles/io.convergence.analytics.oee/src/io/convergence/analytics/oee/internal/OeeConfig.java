package io.convergence.analytics.oee.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The settings of one line's OEE model. The MetaType description generated from it is what
 * configuration files are checked against and what the workbench renders as a form.
 */
@ObjectClassDefinition(id = OeeComponent.FACTORY_PID, name = "OEE and downtime",
    description = "Availability, performance, quality and OEE of one line per shift, order and hour, its stops and the"
        + " six big losses, from its machine state and counters; published under <line>/oee.")
public @interface OeeConfig {

    @AttributeDefinition(name = "Model id", description = "Unique id of this model in the runtime.")
    String id() default "oee-line1";

    @AttributeDefinition(name = "Line", description = "The line's point path; results are published under <line>/oee/….")
    String line() default "acme/lyon/packaging/line1";

    @AttributeDefinition(name = "State point", description = "The point whose value says whether the line runs.")
    String statePoint() default "acme/lyon/packaging/line1/filler/state";

    @AttributeDefinition(name = "Running states", description = "State values that mean running.")
    String[] runningStates() default {"running"};

    @AttributeDefinition(name = "Planned stop states", required = false,
        description = "State values that mean a planned stop (not planned production time), such as maintenance.")
    String[] plannedStopStates() default {};

    @AttributeDefinition(name = "Total count point", required = false,
        description = "Units made, a counter (any start value; resets and wraps handled). Leave empty to add the good"
            + " and reject counts.")
    String totalCountPoint() default "";

    @AttributeDefinition(name = "Good count point", required = false, description = "Good units, a counter.")
    String goodCountPoint() default "acme/lyon/packaging/line1/filler/goodCount";

    @AttributeDefinition(name = "Reject count point", required = false, description = "Rejected units, a counter.")
    String rejectCountPoint() default "acme/lyon/packaging/line1/filler/rejectCount";

    @AttributeDefinition(name = "Reason point", required = false,
        description = "The machine's reason code for a stop; empty if the line has none (the state's value is then the"
            + " reason's text).")
    String reasonPoint() default "";

    @AttributeDefinition(name = "Order point", required = false,
        description = "The production order running on the line (text, empty for none). Empty: <line>/order when an"
            + " ERP source is set, else none.")
    String orderPoint() default "";

    @AttributeDefinition(name = "Ideal cycle time (s)",
        description = "Seconds per unit at the line's best rate, used when no order's product gives one.")
    double idealCycleSeconds() default 1.0;

    @AttributeDefinition(name = "Shifts", required = false,
        description = "Daily shifts such as \"A 06:00-14:00\", in the time zone. Empty: the ERP's shift calendar, or one"
            + " shift all day without an ERP.")
    String[] shifts() default {"A 06:00-14:00", "B 14:00-22:00", "C 22:00-06:00"};

    @AttributeDefinition(name = "Breaks", required = false,
        description = "Daily breaks such as \"10:00-10:30\": not planned production time, whatever the line does then.")
    String[] breaks() default {};

    @AttributeDefinition(name = "Time zone", description = "The zone of shifts, breaks and hours, such as Europe/Paris.")
    String zone() default "UTC";

    @AttributeDefinition(name = "Micro-stop limit (s)", min = "0", max = "86400",
        description = "Stops shorter than this are small stops: a performance loss, not an availability loss.")
    int microStopSeconds() default 30;

    @AttributeDefinition(name = "Start-up window (s)", min = "0", max = "86400",
        description = "Rejects counted this long after the first run of an order or after a changeover are start-up rejects.")
    int startupSeconds() default 300;

    @AttributeDefinition(name = "Grace (s)", min = "0", max = "3600",
        description = "How long the live run waits for every point's samples before it accounts a moment (the ERP's"
            + " order comes every few seconds).")
    int graceSeconds() default 10;

    @AttributeDefinition(name = "Counter modulus", min = "0", required = false,
        description = "Where the counters wrap to 0, such as 65536 for a 16-bit counter; 0: a decrease is a reset.")
    long counterModulus() default 0;

    @AttributeDefinition(name = "Setup reasons", required = false,
        description = "Reason codes of changeovers and adjustments (setup loss). A stop between an order's start and"
            + " its first run is a changeover in any case.")
    String[] setupReasons() default {};

    @AttributeDefinition(name = "Definition", description = "common: availability over planned production time;"
        + " iso22400: over planned busy time (planned production time less setups).",
        options = {@Option(label = "common", value = "common"), @Option(label = "ISO 22400", value = "iso22400")})
    String definition() default "common";

    @AttributeDefinition(name = "ERP source", required = false,
        description = "The business data source (convergence.business.source) of orders, products, shifts, planned stops"
            + " and reason codes, such as erp; empty for none.")
    String erpSource() default "";
}
