/**
 * Business (IT) records that analytics models and views join with plant data, in ISA-95 terms:
 * products (material definitions), work centres (lines), production orders, the shift calendar with
 * its planned stops, reason codes and the energy tariff.
 *
 * <p>A source of such records, usually an ERP or MES reached by a connector, registers a
 * {@link io.convergence.api.business.BusinessData} service with the property
 * {@link io.convergence.api.business.BusinessData#SOURCE_PROPERTY}; several sources can coexist,
 * and a model names the one it reads. Records are immutable values; a source tells its listeners
 * which records were added, changed or removed, and they read the new state through the service.
 *
 * <p>Times are instants; a shift also carries the time zone its times are planned in. Money is in
 * the currency each record names, and durations are in seconds, as their names say.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.api.business;
