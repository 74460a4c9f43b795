package io.convergence.connector.opcua.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.types.UaStructuredType;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.XmlElement;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.jspecify.annotations.Nullable;

/**
 * Arrays and structures as JSON, so that they are stored and shown as typed values rather than the
 * text of a Java object. Arrays become JSON arrays; a structure (an ExtensionObject the client's
 * encoding context can decode) becomes an object of its fields, in their declared order, named as
 * the OPC UA type names them (first letter lower case, as Milo's generated types do). A structure
 * the client cannot decode (a server's own type without a codec) keeps its encoding id and its body
 * in base64, so nothing is lost.
 */
final class StructuredValues {

    private static final JsonFactory JSON = new JsonFactory();
    /** Deeper nesting is written as text: a server's self-referencing value must not overflow the stack. */
    private static final int MAX_DEPTH = 32;

    private StructuredValues() {
    }

    /** Whether a value is an array or a structure: carried as JSON. */
    static boolean isStructured(@Nullable Object o) {
        return o != null && (o.getClass().isArray() || o instanceof ExtensionObject || o instanceof UaStructuredType);
    }

    /** The JSON text of a value; {@code context} decodes structures (null: they keep their encoded body). */
    static String json(@Nullable Object o, @Nullable EncodingContext context) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            write(g, o, context, new ArrayDeque<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, @Nullable Object o, @Nullable EncodingContext context,
                              Deque<Object> path) throws IOException {
        if (o == null) {
            g.writeNull();
        } else if (o instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                // JSON has no NaN or infinity; the text keeps what the server sent.
                g.writeString(Double.toString(d));
            }
        } else if (o instanceof ULong u) {
            g.writeNumber(u.toBigInteger());
        } else if (o instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (o instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (o instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (o instanceof String s) {
            g.writeString(s);
        } else if (o instanceof Variant v) {
            write(g, v.getValue(), context, path);
        } else if (o instanceof DataValue v) {
            write(g, v.getValue().getValue(), context, path);
        } else if (path.size() >= MAX_DEPTH) {
            g.writeString(String.valueOf(o));
        } else if (o.getClass().isArray()) {
            path.push(o);
            g.writeStartArray();
            for (int i = 0, n = Array.getLength(o); i < n; i++) {
                write(g, Array.get(o, i), context, path);
            }
            g.writeEndArray();
            path.pop();
        } else if (o instanceof ExtensionObject xo) {
            writeExtensionObject(g, xo, context, path);
        } else if (o instanceof UaStructuredType s) {
            writeStructure(g, s, context, path);
        } else {
            g.writeString(text(o));
        }
    }

    private static void writeExtensionObject(JsonGenerator g, ExtensionObject xo, @Nullable EncodingContext context,
                                             Deque<Object> path) throws IOException {
        Object decoded = null;
        if (context != null) {
            try {
                decoded = xo.decode(context);
            } catch (RuntimeException e) {
                // Not a type this client knows: keep the encoded form below.
            }
        }
        if (decoded != null) {
            write(g, decoded, context, path);
            return;
        }
        g.writeStartObject();
        g.writeStringField("encodingId", xo.getEncodingOrTypeId().toParseableString());
        Object body = xo.getBody();
        if (body instanceof ByteString bs) {
            g.writeStringField("body", Base64.getEncoder().encodeToString(bs.bytesOrEmpty()));
        } else if (body instanceof XmlElement xml) {
            g.writeStringField("xml", xml.getFragment());
        } else if (body != null) {
            g.writeStringField("body", body.toString());
        }
        g.writeEndObject();
    }

    private static void writeStructure(JsonGenerator g, UaStructuredType s, @Nullable EncodingContext context,
                                       Deque<Object> path) throws IOException {
        path.push(s);
        g.writeStartObject();
        for (Field f : fields(s.getClass())) {
            Method getter = getter(s.getClass(), f.getName());
            if (getter == null) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(s);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            g.writeFieldName(f.getName());
            write(g, value, context, path);
        }
        g.writeEndObject();
        path.pop();
    }

    /** The instance fields of a structure class, those of the structures it extends first. */
    private static java.util.List<Field> fields(Class<?> type) {
        java.util.List<Field> out = new java.util.ArrayList<>();
        Class<?> superclass = type.getSuperclass();
        if (superclass != null && UaStructuredType.class.isAssignableFrom(superclass)) {
            out.addAll(fields(superclass));
        }
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                out.add(f);
            }
        }
        return out;
    }

    private static @Nullable Method getter(Class<?> type, String field) {
        String name = (field.startsWith("is") ? "" : "get") + field.substring(0, 1).toUpperCase(Locale.ROOT)
            + field.substring(1);
        try {
            Method m = type.getMethod(field.startsWith("is") ? field : name);
            return m.getParameterCount() == 0 && Modifier.isPublic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Values with a text form of their own: those inside JSON, then the connector's usual ones. */
    private static String text(Object o) {
        if (o instanceof ExpandedNodeId id) {
            return id.toParseableString();
        } else if (o instanceof ByteString bs) {
            return Base64.getEncoder().encodeToString(bs.bytesOrEmpty());
        } else if (o instanceof StatusCode sc) {
            return sc.toString();
        } else if (o instanceof UUID u) {
            return u.toString();
        } else if (o instanceof Enum<?> e) {
            return e.name();
        }
        return NodeMapper.text(o);
    }
}
