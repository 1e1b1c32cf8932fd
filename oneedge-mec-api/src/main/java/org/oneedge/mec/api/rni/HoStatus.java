package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Status of a UE handover (MEC 012 {@code hoStatus}): sent as the file's integer, accepted as integer or name. */
public enum HoStatus {
    IN_PREPARATION(1),
    IN_EXECUTION(2),
    COMPLETED(3),
    REJECTED(4),
    CANCELLED(5);

    private final int code;

    HoStatus(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static HoStatus of(Object value) {
        if (value instanceof Number n) {
            for (HoStatus h : values()) {
                if (h.code == n.intValue()) {
                    return h;
                }
            }
        } else if (value != null) {
            String s = value.toString().trim().toUpperCase(Locale.ROOT);
            for (HoStatus h : values()) {
                if (h.name().equals(s) || String.valueOf(h.code).equals(s)) {
                    return h;
                }
            }
        }
        throw new IllegalArgumentException("unknown hoStatus '" + value + "'");
    }
}
