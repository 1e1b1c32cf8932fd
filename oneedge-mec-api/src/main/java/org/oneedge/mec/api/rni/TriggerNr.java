package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** 5G NR measurement report trigger (MEC 012 {@code TriggerNr}, TS 38.331): sent as integer, accepted as integer or
 * name. */
public enum TriggerNr {
    NOT_AVAILABLE(0),
    NR_PERIODICAL(1),
    NR_CGI(2),
    EVENT_A1(10),
    EVENT_A2(11),
    EVENT_A3(12),
    EVENT_A4(13),
    EVENT_A5(14),
    EVENT_A6(15),
    INTER_RAT_PERIODICAL(20),
    INTER_RAT_CGI(21),
    EVENT_B1(30),
    EVENT_B2(31);

    private final int code;

    TriggerNr(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static TriggerNr of(Object value) {
        if (value instanceof Number n) {
            for (TriggerNr t : values()) {
                if (t.code == n.intValue()) {
                    return t;
                }
            }
        } else if (value != null) {
            String s = value.toString().trim().toUpperCase(Locale.ROOT);
            for (TriggerNr t : values()) {
                if (t.name().equals(s) || String.valueOf(t.code).equals(s)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown triggerNr '" + value + "'");
    }
}
