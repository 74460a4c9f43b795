package io.convergence.api.business;

/**
 * A product a line makes: a material definition in ISA-95 terms.
 *
 * @param id the product's number in the source, such as {@code WATER-050}
 * @param name a human name
 * @param unit the unit its quantities are counted in, such as {@code bottle}
 * @param idealCycleSeconds the ideal cycle time: seconds per unit at the line's best rate for
 *     this product, the basis of OEE performance
 * @param changeoverSeconds the planned time to change a line over to this product
 * @param unitCost what one unit costs to make (material and conversion), in {@code currency}
 * @param price what one unit sells for, in {@code currency}
 * @param currency the ISO 4217 code of the amounts, such as {@code EUR}
 */
public record Product(String id, String name, String unit, double idealCycleSeconds, double changeoverSeconds,
                      double unitCost, double price, String currency) {

    /**
     * @throws IllegalArgumentException if the id is empty or a figure is out of range
     */
    public Product {
        Records.id("product", id);
        Records.positive("product " + id + ": idealCycleSeconds", idealCycleSeconds);
        Records.notNegative("product " + id + ": changeoverSeconds", changeoverSeconds);
        Records.notNegative("product " + id + ": unitCost", unitCost);
        Records.notNegative("product " + id + ": price", price);
    }

    /** The ideal rate in units per hour: 3600 / {@link #idealCycleSeconds()}. */
    public double idealRatePerHour() {
        return 3600.0 / idealCycleSeconds;
    }
}
