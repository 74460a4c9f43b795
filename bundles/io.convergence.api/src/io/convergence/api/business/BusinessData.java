package io.convergence.api.business;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.convergence.api.event.Registration;
import io.convergence.api.point.PointPath;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The business records of one source (an ERP, an MES), as models and views read them. Registered
 * as an OSGi service with the property {@link #SOURCE_PROPERTY}; several sources can coexist, and
 * a model picks one with a filter such as {@code (convergence.business.source=erp)}.
 *
 * <p>Implemented by connectors (the SQL connector, or a partner's connector to an ERP's own
 * interface), called by models and views. Calls answer from what the source read last, without
 * blocking on the source; a source registers the service once it has read every kind of record it
 * serves. Lists are immutable and sorted by time where records have one, else by id.
 *
 * @since 1.0
 */
@ConsumerType
public interface BusinessData {

    /** Service property holding the source's id. */
    String SOURCE_PROPERTY = "convergence.business.source";

    /** The source's id, the value of {@link #SOURCE_PROPERTY}. */
    String source();

    /** Every product. */
    List<Product> products();

    /** Every work centre (line). */
    List<WorkCenter> workCenters();

    /**
     * The orders of a work centre whose {@linkplain ProductionOrder#start() window} overlaps
     * {@code [from, to)}, by start; orders with no times at all are not listed.
     */
    List<ProductionOrder> orders(String workCenterId, Instant from, Instant to);

    /** The order of this id. */
    Optional<ProductionOrder> order(String id);

    /** The shifts that apply to a work centre and overlap {@code [from, to)}, by start. */
    List<Shift> shifts(String workCenterId, Instant from, Instant to);

    /** The planned stops that apply to a work centre and overlap {@code [from, to)}, by start. */
    List<PlannedStop> plannedStops(String workCenterId, Instant from, Instant to);

    /** Every reason code. */
    List<ReasonCode> reasonCodes();

    /** The tariff periods that overlap {@code [from, to)}, by start. */
    List<TariffPeriod> tariff(Instant from, Instant to);

    /**
     * Tells a listener about every change read from now on.
     *
     * @return close it to stop listening
     */
    Registration addListener(BusinessDataListener listener);

    /** The product of this id. */
    default Optional<Product> product(String id) {
        return products().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The work centre of this id. */
    default Optional<WorkCenter> workCenter(String id) {
        return workCenters().stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /**
     * The work centre a point belongs to: the one whose path is the point's path or lies above it,
     * the deepest if several do.
     */
    default Optional<WorkCenter> workCenterOf(PointPath point) {
        return workCenters().stream().filter(w -> point.startsWith(w.path()))
            .max(Comparator.comparingInt(w -> w.path().depth()));
    }

    /**
     * The order the line worked on at {@code time} ({@link ProductionOrder#runsAt}); the one started
     * last if the source has several.
     */
    default Optional<ProductionOrder> orderAt(String workCenterId, Instant time) {
        Instant to = time.equals(Instant.MAX) ? time : time.plusNanos(1);
        return orders(workCenterId, time, to).stream().filter(o -> o.runsAt(time))
            .max(Comparator.comparing(o -> o.actualStart() == null ? Instant.MIN : o.actualStart()));
    }

    /** The reason code of this code. */
    default Optional<ReasonCode> reasonCode(String code) {
        return reasonCodes().stream().filter(r -> r.code().equals(code)).findFirst();
    }
}
