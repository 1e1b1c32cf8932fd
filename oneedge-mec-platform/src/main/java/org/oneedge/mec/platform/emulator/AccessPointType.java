package org.oneedge.mec.platform.emulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Radio access technology of an access point, which decides how it is identified in MEC 012 (ECGI for 4G, NRCGI for
 * 5G, none for Wi-Fi) and which MEC 013 {@code connectionType} it reports.
 */
public enum AccessPointType {
    /** LTE / E-UTRAN cell, identified by an ECGI. */
    LTE_4G("4G"),
    /** 5G NR cell, identified by an NRCGI. */
    NR_5G("5G"),
    /** Wi-Fi access point. */
    WIFI("WIFI");

    private final String label;

    AccessPointType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Parses {@code 4G}, {@code 5G}, {@code WIFI} (case-insensitive; also {@code LTE}, {@code NR}, {@code WI-FI}). */
    @JsonCreator
    public static AccessPointType parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "4G", "LTE", "POA-4G" -> LTE_4G;
            case "5G", "NR", "5G NR", "POA-5G" -> NR_5G;
            case "WIFI", "WI-FI", "POA-WIFI" -> WIFI;
            default -> throw new IllegalArgumentException("unknown access point type '" + text + "' (4G, 5G, WIFI)");
        };
    }
}
