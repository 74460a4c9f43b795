package io.convergence.sim.erp.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.convergence.api.business.LossCategory;
import io.convergence.api.business.Product;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.point.PointPath;
import io.convergence.sim.plant.internal.model.DownReason;
import io.convergence.sim.plant.internal.model.PlantLayout;
import io.convergence.sim.plant.internal.model.PlantModel;

/**
 * The ERP's master data for the simulated plant: its one line as a work centre, the products the
 * line makes, and the reason codes the plant books stops under.
 *
 * <p>Products are drinks in bottles with ideal rates the line's filler can reach (its rated 600
 * units a minute, up to 20 % more); costs, prices, changeover times and the line's cost rate vary
 * with the seed. Reason codes are the plant's {@link DownReason} codes as text, plus the ones a
 * plant books by hand (reduced speed, rejects).
 */
public final class MasterData {

    /** The work centre of the simulated line. */
    public static final String LINE_ID = "LINE1";

    /** The currency of every amount. */
    public static final String CURRENCY = "EUR";

    /** Id, name, ideal cycle seconds, unit cost. Ideal rates from 429 to 706 units a minute. */
    private static final Object[][] CATALOGUE = {
        {"WATER-050", "Still water 0.5 l", 0.090, 0.11},
        {"WATER-150", "Still water 1.5 l", 0.125, 0.19},
        {"SPARK-050", "Sparkling water 0.5 l", 0.095, 0.14},
        {"SODA-033", "Lemon soda 0.33 l", 0.085, 0.16},
        {"ICETEA-050", "Iced tea 0.5 l", 0.100, 0.22},
        {"JUICE-100", "Orange juice 1 l", 0.140, 0.48},
    };

    private MasterData() {
    }

    /** The products, in catalogue order. */
    public static List<Product> products(long seed) {
        List<Product> out = new ArrayList<>(CATALOGUE.length);
        for (Object[] row : CATALOGUE) {
            String id = (String) row[0];
            SplittableRandom r = Seeds.stream(seed, "product " + id, 0);
            double cost = Seeds.vary(r, (Double) row[3], 0.15, 0.001);
            double price = Math.round(cost * (1.4 + r.nextDouble() * 0.5) * 100) / 100.0;
            double changeover = 60 * (10 + r.nextInt(16));
            out.add(new Product(id, (String) row[1], "bottle", (Double) row[2], changeover, cost, price, CURRENCY));
        }
        return out;
    }

    /** The simulated line, at the plant's path. */
    public static WorkCenter line(long seed) {
        SplittableRandom r = Seeds.stream(seed, "work centre", 0);
        return new WorkCenter(LINE_ID, "Packaging line 1", PointPath.parse(PlantLayout.LINE_PATH),
            Seeds.vary(r, 420, 0.15, 5), CURRENCY);
    }

    /** The reason codes. Only breaks, planned maintenance and no orders are planned time. */
    public static List<ReasonCode> reasonCodes() {
        return List.of(
            new ReasonCode(code(DownReason.NONE), "short stop (idle, no reason given)", LossCategory.PERFORMANCE, false),
            new ReasonCode(code(DownReason.JAM), "jam", LossCategory.AVAILABILITY, false),
            new ReasonCode(code(DownReason.MATERIAL_SHORTAGE), "material shortage", LossCategory.AVAILABILITY, false),
            new ReasonCode(code(DownReason.BEARING_FAULT), "bearing fault", LossCategory.AVAILABILITY, false),
            new ReasonCode(code(DownReason.CHANGEOVER), "changeover", LossCategory.AVAILABILITY, false),
            new ReasonCode(code(DownReason.BREAK), "break", LossCategory.AVAILABILITY, true),
            new ReasonCode(code(DownReason.PLANNED_MAINTENANCE), "planned maintenance", LossCategory.AVAILABILITY, true),
            new ReasonCode(code(DownReason.NO_ORDERS), "no orders", LossCategory.AVAILABILITY, true),
            new ReasonCode("20", "reduced speed", LossCategory.PERFORMANCE, false),
            new ReasonCode("30", "reject", LossCategory.QUALITY, false),
            new ReasonCode("31", "start-up reject", LossCategory.QUALITY, false));
    }

    /** The rated speed of the line's counting machine, the filler: the top of every product's rate. */
    public static double fillerRatedPerMinute() {
        return PlantModel.ratedSpeed(0);
    }

    /** A plant reason code as the ERP writes it. */
    public static String code(int downReason) {
        return Integer.toString(downReason);
    }
}
