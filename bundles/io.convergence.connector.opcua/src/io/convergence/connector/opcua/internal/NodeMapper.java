package io.convergence.connector.opcua.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

import io.convergence.api.point.DataType;
import io.convergence.api.point.JsonValue;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
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
 * Translations between OPC UA and the point model: OPC UA data types to {@link DataType}, values in
 * both directions. The data-change path ({@link #add}) allocates
 * nothing for numeric values.
 */
final class NodeMapper {

    /** 100 ns ticks from 1601-01-01 (OPC UA's epoch) to 1970-01-01. */
    private static final long EPOCH_DELTA_TICKS = 116_444_736_000_000_000L;

    private NodeMapper() {
    }

    /** A node's name as the server gives it: its browse name without namespace, else its display name. */
    static String rawName(@Nullable QualifiedName browseName, @Nullable LocalizedText displayName) {
        String n = browseName == null ? null : browseName.getName();
        if (n == null || n.isBlank()) {
            n = displayName == null ? null : displayName.getText();
        }
        return n == null ? "" : n;
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

    static Quality quality(@Nullable StatusCode s) {
        if (s == null || s.isGood()) {
            return Quality.GOOD;
        }
        return s.isUncertain() ? Quality.UNCERTAIN : Quality.BAD;
    }

    /**
     * Adds one data change to a batch: numbers and booleans to the numeric column, arrays and
     * structures as JSON (structures decoded with {@code context}), the rest as text.
     */
    static void add(SampleBatch.Builder b, PointPath point, DataValue v, long micros,
                    @Nullable EncodingContext context) {
        add(b, point, v, micros, quality(v.getStatusCode()), context);
    }

    /** Adds one data change with the given quality. */
    static void add(SampleBatch.Builder b, PointPath point, DataValue v, long micros, Quality q,
                    @Nullable EncodingContext context) {
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
        } else if (StructuredValues.isStructured(o)) {
            b.addJson(point, micros, StructuredValues.json(o, context), q);
        } else {
            b.addText(point, micros, text(o), q);
        }
    }

    /**
     * A value as the point model carries it: {@link Double} for numbers and booleans,
     * {@link JsonValue} for arrays and structures, text otherwise.
     */
    static @Nullable Object sampleValue(@Nullable Variant v, @Nullable EncodingContext context) {
        Object o = v == null ? null : v.getValue();
        if (o == null) {
            return null;
        } else if (o instanceof Number n) {
            return n.doubleValue();
        } else if (o instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        } else if (StructuredValues.isStructured(o)) {
            return new JsonValue(StructuredValues.json(o, context));
        }
        return o instanceof String s ? s : text(o);
    }

    /**
     * How a variable's values are carried: arrays (a value rank of 0 or more) and structures as JSON,
     * else by its built-in type.
     */
    static DataType apiType(@Nullable OpcUaDataType t, @Nullable Integer valueRank) {
        if (valueRank != null && valueRank >= 0 || t == OpcUaDataType.ExtensionObject) {
            return DataType.JSON;
        }
        return apiType(t);
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

    /** The text of a value that is neither a number, a boolean, a string nor structured. */
    static String text(Object o) {
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
}
