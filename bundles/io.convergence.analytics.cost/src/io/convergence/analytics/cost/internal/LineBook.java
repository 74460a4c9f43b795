package io.convergence.analytics.cost.internal;

import java.time.Instant;
import java.util.Optional;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.oee.OeeException;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * The business side of one line: its work centre (cost rate and currency) and the products it makes,
 * each checked to be priced in the work centre's currency, since amounts of two currencies cannot be
 * added without a rate of exchange, which the business data does not hold.
 */
record LineBook(PointPath line, WorkCenter workCenter, BusinessData erp) {

    /** The book of a line: the work centre whose path is the line's. */
    static LineBook of(BusinessData erp, PointPath line) throws OeeException {
        WorkCenter wc = erp.workCenterOf(line).orElseThrow(() -> new OeeException("line " + line
            + " has no work centre in the business source '" + erp.source() + "' (none of its "
            + erp.workCenters().size() + " work centres has this path or one above it): costs need the line's cost rate"
            + " and currency"));
        return new LineBook(line, wc, erp);
    }

    String currency() {
        return workCenter.currency();
    }

    /** The line's cost per second. */
    double ratePerSecond() {
        return workCenter.costRatePerHour() / 3600.0;
    }

    /** A product by id, or empty when the source does not know it; refused if priced in another currency. */
    Optional<Product> product(@Nullable String id) throws OeeException {
        if (id == null) {
            return Optional.empty();
        }
        Optional<Product> p = erp.product(id);
        if (p.isPresent() && !p.get().currency().equalsIgnoreCase(currency())) {
            throw new OeeException("product " + id + " is priced in " + p.get().currency() + " but work centre "
                + workCenter.id() + " (line " + line + ") costs in " + currency()
                + ": the cost model does not convert currencies; give both in one currency");
        }
        return p;
    }

    /** The product of an order, when the order and its product are known. */
    Optional<Product> productOfOrder(@Nullable String orderId) throws OeeException {
        if (orderId == null) {
            return Optional.empty();
        }
        Optional<ProductionOrder> o = erp.order(orderId);
        return o.isPresent() ? product(o.get().productId()) : Optional.empty();
    }

    /** The product the line made at a time: that of the order running then. */
    Optional<Product> productAt(Instant time) throws OeeException {
        Optional<ProductionOrder> o = erp.orderAt(workCenter.id(), time);
        return o.isPresent() ? product(o.get().productId()) : Optional.empty();
    }

    /** The margin of one unit, price less unit cost; 0 for a product without a price or sold at a loss. */
    static double margin(Product p) {
        return Math.max(0, p.price() - p.unitCost());
    }
}
