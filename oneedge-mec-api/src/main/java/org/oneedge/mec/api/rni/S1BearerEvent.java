package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * An S1 bearer event of {@code S1BearerSubscription.eventType} (MEC 012 6.3.9): sent as the integer the file defines
 * (1 = S1_BEARER_ESTABLISH, 2 = S1_BEARER_MODIFY, 3 = S1_BEARER_RELEASE), also accepted as its name. 0 (RESERVED) is
 * refused.
 */
public enum S1BearerEvent {
    S1_BEARER_ESTABLISH(1),
    S1_BEARER_MODIFY(2),
    S1_BEARER_RELEASE(3);

    private final int code;

    S1BearerEvent(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static S1BearerEvent of(Object value) {
        if (value instanceof Number n) {
            for (S1BearerEvent e : values()) {
                if (e.code == n.intValue()) {
                    return e;
                }
            }
        } else if (value != null) {
            String s = value.toString().trim().toUpperCase(Locale.ROOT);
            for (S1BearerEvent e : values()) {
                if (e.name().equals(s) || String.valueOf(e.code).equals(s)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("eventType must be 1 (S1_BEARER_ESTABLISH), 2 (S1_BEARER_MODIFY) or 3 "
                + "(S1_BEARER_RELEASE), was '" + value + "'");
    }
}
