package io.convergence.analytics.cost.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.BusinessDataListener;
import io.convergence.api.business.LossCategory;
import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.business.Shift;
import io.convergence.api.business.TariffPeriod;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.event.Registration;

/** Business data written by hand for a test: the records a test needs, filtered as the API says. */
final class Book implements BusinessData {

    final List<Product> products = new CopyOnWriteArrayList<>();
    final List<WorkCenter> workCenters = new CopyOnWriteArrayList<>();
    final List<ProductionOrder> orders = new CopyOnWriteArrayList<>();
    final List<Shift> shifts = new CopyOnWriteArrayList<>();
    final List<PlannedStop> plannedStops = new CopyOnWriteArrayList<>();
    final List<TariffPeriod> tariff = new CopyOnWriteArrayList<>();
    final List<ReasonCode> reasons = List.of(
        new ReasonCode("0", "short stop", LossCategory.PERFORMANCE, false),
        new ReasonCode("1", "jam", LossCategory.AVAILABILITY, false),
        new ReasonCode("2", "material shortage", LossCategory.AVAILABILITY, false),
        new ReasonCode("3", "bearing fault", LossCategory.AVAILABILITY, false),
        new ReasonCode("10", "break", LossCategory.AVAILABILITY, true));

    @Override
    public String source() {
        return "erp";
    }

    @Override
    public List<Product> products() {
        return List.copyOf(products);
    }

    @Override
    public List<WorkCenter> workCenters() {
        return List.copyOf(workCenters);
    }

    @Override
    public List<ProductionOrder> orders(String workCenterId, Instant from, Instant to) {
        return orders.stream().filter(o -> o.workCenterId().equals(workCenterId) && o.overlaps(from, to))
            .sorted(Comparator.comparing(ProductionOrder::start)).toList();
    }

    @Override
    public Optional<ProductionOrder> order(String id) {
        return orders.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    @Override
    public List<Shift> shifts(String workCenterId, Instant from, Instant to) {
        return shifts.stream().filter(s -> s.appliesTo(workCenterId) && s.overlaps(from, to)).toList();
    }

    @Override
    public List<PlannedStop> plannedStops(String workCenterId, Instant from, Instant to) {
        return plannedStops.stream().filter(s -> s.appliesTo(workCenterId) && s.overlaps(from, to))
            .sorted(Comparator.comparing(PlannedStop::start)).toList();
    }

    @Override
    public List<ReasonCode> reasonCodes() {
        return reasons;
    }

    @Override
    public List<TariffPeriod> tariff(Instant from, Instant to) {
        return new ArrayList<>(tariff.stream().filter(t -> t.overlaps(from, to)).toList());
    }

    @Override
    public Registration addListener(BusinessDataListener listener) {
        return () -> { };
    }
}
