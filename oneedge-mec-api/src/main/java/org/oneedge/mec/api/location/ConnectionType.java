package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Radio technology of an access point (MEC 013 {@code ConnectionType}), with the file's literals. */
public enum ConnectionType {
    LTE("LTE"),
    WIFI("Wifi"),
    WIMAX("Wimax"),
    NR_5G("5G NR"),
    UNKNOWN("UNKNOWN");

    private final String literal;

    ConnectionType(String literal) {
        this.literal = literal;
    }

    @JsonValue
    public String literal() {
        return literal;
    }

    @JsonCreator
    public static ConnectionType of(String value) {
        for (ConnectionType t : values()) {
            if (t.literal.equalsIgnoreCase(value) || t.name().equalsIgnoreCase(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown connectionType '" + value + "'");
    }
}
