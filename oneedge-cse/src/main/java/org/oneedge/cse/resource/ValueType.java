package org.oneedge.cse.resource;

import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.model.TimestampCodec;

/** The value types an attribute can have on the wire (TS-0004 6.3), each with its check and the wording of its error. */
public enum ValueType {
    STRING("a string") {
        @Override boolean accepts(JsonNode v) { return v.isTextual(); }
    },
    INTEGER("an integer") {
        @Override boolean accepts(JsonNode v) { return v.isIntegralNumber(); }
    },
    NON_NEGATIVE_INTEGER("a non-negative integer") {
        @Override boolean accepts(JsonNode v) { return v.isIntegralNumber() && v.asLong() >= 0 && v.canConvertToLong(); }
    },
    POSITIVE_INTEGER("a positive integer") {
        @Override boolean accepts(JsonNode v) { return v.isIntegralNumber() && v.asLong() > 0 && v.canConvertToLong(); }
    },
    NUMBER("a number") {
        @Override boolean accepts(JsonNode v) { return v.isNumber(); }
    },
    BOOLEAN("a boolean") {
        @Override boolean accepts(JsonNode v) { return v.isBoolean(); }
    },
    STRING_LIST("a list of strings") {
        @Override boolean accepts(JsonNode v) { return isListOf(v, STRING); }
    },
    INTEGER_LIST("a list of integers") {
        @Override boolean accepts(JsonNode v) { return isListOf(v, INTEGER); }
    },
    TIMESTAMP("a timestamp YYYYMMDDTHHMMSS[,ffffff]") {
        @Override boolean accepts(JsonNode v) { return v.isTextual() && TimestampCodec.isValid(v.asText()); }
    },
    ANY_URI("a non-empty URI string") {
        @Override boolean accepts(JsonNode v) { return v.isTextual() && !v.asText().isBlank(); }
    },
    ANY_URI_LIST("a list of URI strings") {
        @Override boolean accepts(JsonNode v) { return isListOf(v, ANY_URI); }
    },
    OBJECT("an object") {
        @Override boolean accepts(JsonNode v) { return v.isObject(); }
    },
    LIST("a list") {
        @Override boolean accepts(JsonNode v) { return v.isArray(); }
    },
    ANY("any value") {
        @Override boolean accepts(JsonNode v) { return true; }
    };

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    /** True when a non-null value has this type. */
    abstract boolean accepts(JsonNode value);

    /** How an error message names the type, e.g. "a non-negative integer". */
    public String description() {
        return description;
    }

    private static boolean isListOf(JsonNode v, ValueType element) {
        if (!v.isArray()) {
            return false;
        }
        for (JsonNode e : v) {
            if (e.isNull() || !element.accepts(e)) {
                return false;
            }
        }
        return true;
    }
}
