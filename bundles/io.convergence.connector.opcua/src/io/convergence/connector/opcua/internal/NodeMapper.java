package io.convergence.connector.opcua.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.convergence.api.point.DataType;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.jspecify.annotations.Nullable;

/**
 * Translations between OPC UA and the point model: browse paths to point paths, OPC UA data types
 * to {@link DataType}, values in both directions. The data-change path ({@link #add}) allocates
 * nothing for numeric values.
 */
final class NodeMapper {

    /** 100 ns ticks from 1601-01-01 (OPC UA's epoch) to 1970-01-01. */
    private static final long EPOCH_DELTA_TICKS = 116_444_736_000_000_000L;

    private final List<String> prefix;

    NodeMapper(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /** The point of a node reached from the browse root by the given (already sanitized) names. */
    PointPath pointPath(List<String> relative) {
        List<String> all = new ArrayList<>(prefix.size() + relative.size());
        all.addAll(prefix);
        all.addAll(relative);
        return new PointPath(all);
    }

    /** The path segments below the prefix, or {@code null} if the point lies outside this connector. */
    @Nullable List<String> relative(PointPath point) {
        List<String> s = point.segments();
        if (s.size() <= prefix.size() || !s.subList(0, prefix.size()).equals(prefix)) {
            return null;
        }
        return s.subList(prefix.size(), s.size());
    }

    /** A node's path segment: its browse name without namespace, else its display name. */
    static String segment(@Nullable QualifiedName browseName, @Nullable LocalizedText displayName) {
        String n = browseName == null ? null : browseName.getName();
        if (n == null || n.isBlank()) {
            n = displayName == null ? null : displayName.getText();
        }
        return PointPath.segment(n == null ? "" : n);
    }

    /** The built-in type a data type node stands for; subtypes (Duration, enumerations, ...) are looked up. */
    static @Nullable OpcUaDataType builtin(@Nullable NodeId dataType, OpcUaClient client) {
        if (dataType == null || dataType.isNull()) {
            return null;
        }
        if (OpcUaDataType.isBuiltin(dataType)) {
            return OpcUaDataType.fromNodeId(dataType);
        }
        try {
            return client.getDataTypeTree().getBuiltinType(dataType);
        } catch (Exception e) {
            return null;
        }
    }

    /** How a value of this OPC UA type is carried as a point. */
    static DataType apiType(@Nullable OpcUaDataType t) {
        if (t == null) {
            return DataType.STRING;
        }
        return switch (t) {
            case Boolean -> DataType.BOOLEAN;
            case SByte, Byte, Int16, UInt16, Int32, UInt32, Int64, UInt64, StatusCode -> DataType.INTEGER;
            case Float, Double -> DataType.DOUBLE;
            default -> DataType.STRING;
        };
    }

    /** Source timestamp in epoch microseconds, else server timestamp, else {@link Long#MIN_VALUE}. */
    static long micros(DataValue v) {
        DateTime t = v.getSourceTime();
        if (t == null || t.getUtcTime() <= 0) {
            t = v.getServerTime();
            if (t == null || t.getUtcTime() <= 0) {
                return Long.MIN_VALUE;
            }
        }
        return (t.getUtcTime() - EPOCH_DELTA_TICKS) / 10;
    }

    static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    static Quality quality(@Nullable StatusCode s) {
        if (s == null || s.isGood()) {
            return Quality.GOOD;
        }
        return s.isUncertain() ? Quality.UNCERTAIN : Quality.BAD;
    }

    /** Adds one data change to a batch: numbers and booleans to the numeric column, the rest as text. */
    static void add(SampleBatch.Builder b, PointPath point, DataValue v, long micros) {
        Quality q = quality(v.getStatusCode());
        Variant variant = v.getValue();
        Object o = variant == null ? null : variant.getValue();
        if (o instanceof Number n) {
            b.add(point, micros, n.doubleValue(), q);
        } else if (o instanceof Boolean bool) {
            b.add(point, micros, bool ? 1.0 : 0.0, q);
        } else if (o == null) {
            // no value: with bad quality this is a gap, otherwise an empty sample
            b.add(point, micros, Double.NaN, q);
        } else if (o instanceof String s) {
            b.addText(point, micros, s, q);
        } else {
            b.addText(point, micros, text(o), q);
        }
    }

    /** A value as the point model carries it: {@link Double} for numbers and booleans, text otherwise. */
    static @Nullable Object sampleValue(@Nullable Variant v) {
        Object o = v == null ? null : v.getValue();
        if (o == null) {
            return null;
        } else if (o instanceof Number n) {
            return n.doubleValue();
        } else if (o instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return o instanceof String s ? s : text(o);
    }

    /** A value as plain Java: numbers, booleans and strings as they are, unsigned as long, arrays as lists. */
    static @Nullable Object toJava(@Nullable Variant v) {
        return plain(v == null ? null : v.getValue());
    }

    private static @Nullable Object plain(@Nullable Object o) {
        if (o == null || o instanceof String || o instanceof Boolean) {
            return o;
        } else if (o instanceof UByte || o instanceof UShort || o instanceof UInteger) {
            return ((Number) o).longValue();
        } else if (o instanceof ULong u) {
            return u.toBigInteger();
        } else if (o instanceof Number) {
            return o;
        } else if (o.getClass().isArray()) {
            int n = Array.getLength(o);
            List<@Nullable Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(plain(Array.get(o, i)));
            }
            return list;
        }
        return text(o);
    }

    private static String text(Object o) {
        if (o instanceof LocalizedText t) {
            return t.getText() == null ? "" : t.getText();
        } else if (o instanceof DateTime d) {
            return d.toIso8601String();
        } else if (o instanceof QualifiedName q) {
            return q.getName() == null ? "" : q.getName();
        } else if (o instanceof NodeId id) {
            return id.toParseableString();
        } else if (o.getClass().isArray()) {
            return String.valueOf(plain(o));
        }
        return o.toString();
    }

    /**
     * Converts a Java value to the given built-in OPC UA type.
     *
     * @throws IllegalArgumentException saying why the value does not fit
     */
    static Variant toVariant(Object value, @Nullable OpcUaDataType type) {
        if (type == null) {
            return new Variant(value);
        }
        try {
            return switch (type) {
                case Boolean -> Variant.ofBoolean(bool(value));
                case SByte -> Variant.ofSByte((byte) whole(value, Byte.MIN_VALUE, Byte.MAX_VALUE));
                case Byte -> Variant.ofByte(UByte.valueOf(whole(value, 0, 255)));
                case Int16 -> Variant.ofInt16((short) whole(value, Short.MIN_VALUE, Short.MAX_VALUE));
                case UInt16 -> Variant.ofUInt16(UShort.valueOf((int) whole(value, 0, 65_535)));
                case Int32 -> Variant.ofInt32((int) whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
                case UInt32 -> Variant.ofUInt32(UInteger.valueOf(whole(value, 0, 4_294_967_295L)));
                case Int64 -> Variant.ofInt64(whole(value, Long.MIN_VALUE, Long.MAX_VALUE));
                case UInt64 -> Variant.ofUInt64(ULong.valueOf(whole(value, 0, Long.MAX_VALUE)));
                case Float -> Variant.ofFloat((float) real(value));
                case Double -> Variant.ofDouble(real(value));
                case String -> Variant.ofString(value.toString());
                case LocalizedText -> Variant.ofLocalizedText(LocalizedText.english(value.toString()));
                case DateTime -> Variant.ofDateTime(value instanceof java.time.Instant i ? new DateTime(i)
                    : new DateTime(java.time.Instant.parse(value.toString())));
                default -> throw new IllegalArgumentException("values of OPC UA type " + type + " cannot be written here");
            };
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 time", e);
        }
    }

    private static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        } else if (v instanceof Number n) {
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

    private static long whole(Object v, long min, long max) {
        BigDecimal d;
        try {
            d = v instanceof Boolean b ? BigDecimal.valueOf(b ? 1 : 0)
                : v instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number");
        }
        long l;
        try {
            l = d.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(v + " is not a whole number in " + min + ".." + max);
        }
        if (l < min || l > max) {
            throw new IllegalArgumentException(v + " is outside " + min + ".." + max);
        }
        return l;
    }

    private static double real(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return java.lang.Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number");
        }
    }
}
