package io.convergence.connector.opcua.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.jspecify.annotations.Nullable;

/**
 * Converts a value to be written to the built-in type of its node, refusing what the type cannot
 * hold exactly: NaN and infinities, numbers outside the type's range, fractions for whole types.
 * A device would otherwise get a clamped, wrapped or non-finite value it may act on.
 */
final class WriteConversion {

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private WriteConversion() {
    }

    /**
     * Converts a Java value to the given built-in OPC UA type.
     *
     * @throws IllegalArgumentException saying why the value does not fit, with the type's range
     */
    static Variant toVariant(Object value, @Nullable OpcUaDataType type) {
        if (type == null) {
            if (value instanceof Number n && !finite(n)) {
                throw new IllegalArgumentException(value + " is not a finite number");
            }
            return new Variant(value);
        }
        return switch (type) {
            case Boolean -> Variant.ofBoolean(bool(value));
            case SByte -> Variant.ofSByte(whole(value, type, -128, 127).byteValue());
            case Byte -> Variant.ofByte(UByte.valueOf(whole(value, type, 0, 255).intValue()));
            case Int16 -> Variant.ofInt16(whole(value, type, Short.MIN_VALUE, Short.MAX_VALUE).shortValue());
            case UInt16 -> Variant.ofUInt16(UShort.valueOf(whole(value, type, 0, 65_535).intValue()));
            case Int32 -> Variant.ofInt32(whole(value, type, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue());
            case UInt32 -> Variant.ofUInt32(UInteger.valueOf(whole(value, type, 0, 4_294_967_295L).longValue()));
            case Int64 -> Variant.ofInt64(whole(value, type, Long.MIN_VALUE, Long.MAX_VALUE).longValue());
            case UInt64 -> Variant.ofUInt64(ULong.valueOf(whole(value, type, BigInteger.ZERO, UINT64_MAX)));
            case Float -> Variant.ofFloat((float) real(value, type, Float.MAX_VALUE));
            case Double -> Variant.ofDouble(real(value, type, Double.MAX_VALUE));
            case String -> Variant.ofString(value.toString());
            case LocalizedText -> Variant.ofLocalizedText(LocalizedText.english(value.toString()));
            case DateTime -> Variant.ofDateTime(time(value));
            default -> throw new IllegalArgumentException("values of OPC UA type " + type + " cannot be written here");
        };
    }

    private static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        } else if (v instanceof Number n) {
            if (!finite(n)) {
                throw new IllegalArgumentException(v + " is not a boolean (true/false/1/0)");
            }
            return n.doubleValue() != 0;
        }
        String s = v.toString().strip();
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
            return true;
        } else if (s.equalsIgnoreCase("false") || s.equals("0")) {
            return false;
        }
        throw new IllegalArgumentException("'" + v + "' is not a boolean (true/false/1/0)");
    }

    private static BigInteger whole(Object v, OpcUaDataType type, long min, long max) {
        return whole(v, type, BigInteger.valueOf(min), BigInteger.valueOf(max));
    }

    private static BigInteger whole(Object v, OpcUaDataType type, BigInteger min, BigInteger max) {
        String range = type + " takes whole numbers from " + min + " to " + max;
        BigDecimal d;
        if (v instanceof Boolean b) {
            d = BigDecimal.valueOf(b ? 1 : 0);
        } else if (v instanceof Number n && !finite(n)) {
            throw new IllegalArgumentException(v + " is not a finite number; " + range);
        } else {
            try {
                d = new BigDecimal(v instanceof Number ? v.toString() : v.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(show(v) + " is not a number; " + range);
            }
        }
        BigInteger i;
        try {
            i = d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(show(v) + " is not a whole number; " + range);
        }
        if (i.compareTo(min) < 0 || i.compareTo(max) > 0) {
            throw new IllegalArgumentException(show(v) + " is out of range; " + range);
        }
        return i;
    }

    private static double real(Object v, OpcUaDataType type, double max) {
        String range = type + " takes finite numbers from " + (-max) + " to " + max;
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(v.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(show(v) + " is not a number; " + range);
            }
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(show(v) + " is not a finite number; " + range);
        }
        if (Math.abs(d) > max) {
            throw new IllegalArgumentException(show(v) + " is out of range; " + range);
        }
        return d;
    }

    private static DateTime time(Object v) {
        try {
            return new DateTime(v instanceof Instant i ? i : Instant.parse(v.toString()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not an ISO-8601 time", e);
        }
    }

    private static boolean finite(Number n) {
        return !(n instanceof Double || n instanceof Float) || Double.isFinite(n.doubleValue());
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
