package org.oneedge.cse.flex;

import org.oneedge.cse.resource.ValueType;

/**
 * One custom attribute of a flexContainer specialization (TS-0004 7.4.37, TS-0023 module classes): its short name on
 * the wire, its long name, its value type and whether a CREATE must carry it.
 *
 * @param shortName the name used in JSON, e.g. {@code rsrp}
 * @param longName  the descriptive name, e.g. {@code referenceSignalReceivedPower}
 * @param kind      string, int, float, bool, list or object
 * @param mandatory true when CREATE must carry it (and UPDATE may not remove it)
 */
public record CustomAttribute(String shortName, String longName, Kind kind, boolean mandatory) {

    /** The value types a definition may give a custom attribute, as written in the definitions file. */
    public enum Kind {
        STRING(ValueType.STRING), INT(ValueType.INTEGER), FLOAT(ValueType.NUMBER), BOOL(ValueType.BOOLEAN),
        LIST(ValueType.LIST), OBJECT(ValueType.OBJECT);

        private final ValueType valueType;

        Kind(ValueType valueType) {
            this.valueType = valueType;
        }

        public ValueType valueType() {
            return valueType;
        }

        /** Reads {@code string}, {@code int}, {@code float}, {@code bool}, {@code list} or {@code object}. */
        public static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(text)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown custom attribute type '" + text
                    + "' (string, int, float, bool, list, object)");
        }
    }

    public CustomAttribute {
        if (shortName == null || shortName.isBlank() || kind == null) {
            throw new IllegalArgumentException("a custom attribute needs a short name and a type");
        }
        longName = longName == null ? shortName : longName;
    }
}
