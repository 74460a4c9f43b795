/** The example connector: a counter and a temperature, published every half second. */
@org.jspecify.annotations.NullMarked
package com.example.partner.connector.internal;
