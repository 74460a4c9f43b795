package io.convergence.sim.erp.internal.model;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import io.convergence.api.business.Product;

import org.jspecify.annotations.Nullable;

/**
 * The orders the ERP creates, one after the other: order number n is {@code PO-(100000 + n)}, its
 * product and quantity follow from the seed and n (and the product of order n - 1: a third of the
 * time the line makes the same product again, with no changeover). Quantities run from 6,000 to
 * 30,000 bottles, 10 to 50 minutes at the filler's pace. Due dates leave most orders hours of slack
 * after their planned end; about one in seven is due within half an hour of it, so some orders are
 * late.
 */
public final class OrderBook {

    /** Order n's id is this plus n. */
    public static final long FIRST_NUMBER = 100_000;

    private OrderBook() {
    }

    /**
     * One order as created, before it is scheduled.
     *
     * @param number its number in the sequence, from 1
     * @param dueSlack how long after its first planned end it is due (may be negative)
     */
    public record NewOrder(long number, String id, String productId, long quantity, Duration dueSlack) {
    }

    /** Order {@code number}; the products may come in any order. */
    public static NewOrder order(long seed, long number, @Nullable String previousProduct, List<Product> products) {
        SplittableRandom r = Seeds.stream(seed, "order", number);
        String product;
        if (previousProduct != null && r.nextDouble() < 1.0 / 3) {
            product = previousProduct;
        } else {
            List<Product> others = products.stream().filter(p -> !p.id().equals(previousProduct))
                .sorted(Comparator.comparing(Product::id)).toList();
            product = others.get(r.nextInt(others.size())).id();
        }
        long quantity = 6_000 + 500L * r.nextInt(49);
        Duration slack = r.nextDouble() < 1.0 / 7
            ? Duration.ofMinutes(r.nextInt(61) - 30)
            : Duration.ofMinutes(120 + r.nextInt(8 * 60 + 1));
        return new NewOrder(number, "PO-" + (FIRST_NUMBER + number), product, quantity, slack);
    }
}
