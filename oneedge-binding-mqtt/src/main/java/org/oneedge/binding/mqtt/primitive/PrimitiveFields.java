package org.oneedge.binding.mqtt.primitive;

import org.oneedge.model.TimestampCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and writes typed short-name members of a primitive, saying exactly which member is wrong. */
final class PrimitiveFields {
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    /** Relative times (absRelTimestamp) travel as JSON numbers; only canonical digits so that text survives a round trip. */
    private static final Pattern CANONICAL_NUMBER = Pattern.compile("0|-?[1-9]\\d{0,17}");

    private PrimitiveFields() {
    }

    static String text(JsonNode parent, String name) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() || v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new IllegalArgumentException(name + " must be a string");
    }

    static Integer integer(JsonNode parent, String name) {
        Long v = longValue(parent, name);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is out of range: " + v);
        }
        return v.intValue();
    }

    static Long longValue(JsonNode parent, String name) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual() && INTEGER.matcher(v.asText().trim()).matches()) {
            return Long.parseLong(v.asText().trim());
        }
        throw new IllegalArgumentException(name + " must be an integer, got " + v);
    }

    static Instant timestamp(JsonNode parent, String name) {
        String v = text(parent, name);
        if (v == null) {
            return null;
        }
        try {
            return TimestampCodec.parseWire(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** A list member, also accepting a single value or a {@code +}-free space separated string as one element. */
    static List<String> textList(JsonNode parent, String name) {
        JsonNode v = parent.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!(e.isTextual() || e.isNumber())) {
                    throw new IllegalArgumentException(name + " must be a list of strings");
                }
                out.add(e.asText());
            }
            return out;
        }
        if (v.isTextual() || v.isNumber()) {
            out.add(v.asText());
            return out;
        }
        throw new IllegalArgumentException(name + " must be a list of strings");
    }

    static List<Integer> integerList(JsonNode parent, String name) {
        List<Integer> out = new ArrayList<>();
        for (String s : textList(parent, name)) {
            if (!INTEGER.matcher(s.trim()).matches()) {
                throw new IllegalArgumentException(name + " must be a list of integers, got " + s);
            }
            out.add(Integer.parseInt(s.trim()));
        }
        return out;
    }

    static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static void put(ObjectNode node, String name, Integer value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static void put(ObjectNode node, String name, Long value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static void put(ObjectNode node, String name, Instant value) {
        if (value != null) {
            node.put(name, TimestampCodec.formatExact(value, 0));
        }
    }

    /** Writes an absRelTimestamp or similar: canonical integers as numbers, everything else as text. */
    static void putNumberOrText(ObjectNode node, String name, String value) {
        if (value == null) {
            return;
        }
        if (CANONICAL_NUMBER.matcher(value).matches()) {
            node.put(name, Long.parseLong(value));
        } else {
            node.put(name, value);
        }
    }

    static void putTexts(ObjectNode node, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = node.putArray(name);
            values.forEach(a::add);
        }
    }

    static void putIntegers(ObjectNode node, String name, List<Integer> values) {
        if (!values.isEmpty()) {
            ArrayNode a = node.putArray(name);
            values.forEach(a::add);
        }
    }
}
