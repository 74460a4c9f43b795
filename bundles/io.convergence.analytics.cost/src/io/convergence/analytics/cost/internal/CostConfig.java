package io.convergence.analytics.cost.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The cost model's settings; without a configuration the defaults apply. */
@ObjectClassDefinition(id = CostComponent.PID, name = "Cost model",
    description = "Scrap, downtime and energy cost per shift and order, and order completion forecasts,"
        + " from the OEE model and the business data")
@interface CostConfig {

    @AttributeDefinition(name = "Business source",
        description = "The business data source (ERP) that gives unit costs, prices, cost rates, orders and the tariff")
    String source() default "erp";

    @AttributeDefinition(name = "Late-order check (s)",
        description = "How often running orders' forecasts are checked against their due dates", min = "1", max = "3600")
    int checkSeconds() default 30;

    @AttributeDefinition(name = "Energy point name",
        description = "The name of a line's energy meter points (kWh counters): <line>/NAME or <line>/<machine>/NAME")
    String energyPointName() default EnergyMeter.DEFAULT_POINT_NAME;
}
