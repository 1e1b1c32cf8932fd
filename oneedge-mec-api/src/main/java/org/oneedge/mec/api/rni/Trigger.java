package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * E-UTRAN measurement report trigger (MEC 012 {@code Trigger}, TS 36.331): sent as the file's integer, accepted as
 * integer or name.
 */
public enum Trigger {
    NOT_AVAILABLE(0),
    PERIODICAL_REPORT_STRONGEST_CELLS(1),
    PERIODICAL_REPORT_STRONGEST_CELLS_FOR_SON(2),
    PERIODICAL_REPORT_CGI(3),
    INTRA_PERIODICAL_REPORT_STRONGEST_CELLS(4),
    INTRA_PERIODICAL_REPORT_CGI(5),
    EVENT_A1(10),
    EVENT_A2(11),
    EVENT_A3(12),
    EVENT_A4(13),
    EVENT_A5(14),
    EVENT_A6(15),
    EVENT_B1(20),
    EVENT_B2(21),
    EVENT_C1(30),
    EVENT_C2(31),
    EVENT_W1(40),
    EVENT_W2(41),
    EVENT_W3(42),
    EVENT_V1(50),
    EVENT_V2(51),
    EVENT_H1(60),
    EVENT_H2(61);

    private final int code;

    Trigger(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static Trigger of(Object value) {
        if (value instanceof Number n) {
            for (Trigger t : values()) {
                if (t.code == n.intValue()) {
                    return t;
                }
            }
        } else if (value != null) {
            String s = value.toString().trim().toUpperCase(Locale.ROOT).replace("EVENT_B1-NR", "EVENT_B1")
                    .replace("EVENT_B2-NR", "EVENT_B2");
            for (Trigger t : values()) {
                if (t.name().equals(s) || String.valueOf(t.code).equals(s)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown trigger '" + value + "'");
    }
}
