/**
 * The example view: the statistics the example analytics model publishes, one row per window, live
 * from the sample bus. {@link com.example.partner.view.internal.StatisticsTable} keeps what the view
 * shows and knows no SWT; {@link com.example.partner.view.internal.StatisticsPart} draws it.
 */
@org.jspecify.annotations.NullMarked
package com.example.partner.view.internal;
