package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Status of a UE's inter-host mobility (MEC 021 {@code mobilityStatus}): sent as the file's integer (1, 2, 3),
 * accepted as integer or name.
 */
public enum MobilityStatus {
    INTERHOST_MOVEOUT_TRIGGERED(1),
    INTERHOST_MOVEOUT_COMPLETED(2),
    INTERHOST_MOVEOUT_FAILED(3);

    private final int code;

    MobilityStatus(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static MobilityStatus of(Object value) {
        for (MobilityStatus s : values()) {
            if ((value instanceof Number n && n.intValue() == s.code)
                    || (value instanceof String str && (str.equals(s.name()) || str.equals(String.valueOf(s.code))))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown mobilityStatus '" + value + "'");
    }
}
