package io.convergence.api.business;

/** The kinds of business record. More may come in later versions: handle unknown ones gracefully. */
public enum RecordKind {
    /** {@link Product} */
    PRODUCT,
    /** {@link WorkCenter} */
    WORK_CENTER,
    /** {@link ProductionOrder} */
    PRODUCTION_ORDER,
    /** {@link Shift} */
    SHIFT,
    /** {@link PlannedStop} */
    PLANNED_STOP,
    /** {@link ReasonCode} */
    REASON_CODE,
    /** {@link TariffPeriod} */
    TARIFF_PERIOD
}
