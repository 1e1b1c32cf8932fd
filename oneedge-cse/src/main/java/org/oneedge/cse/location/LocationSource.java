package org.oneedge.cse.location;

import java.util.Optional;

/** Where positions of a {@code <locationPolicy>} come from ({@code los}, TS-0004 6.3.4.2.13 m2m:locationSource). */
public enum LocationSource {
    NETWORK_BASED(1),
    DEVICE_BASED(2),
    SHARING_BASED(3);

    private final int code;

    LocationSource(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<LocationSource> of(int code) {
        for (LocationSource s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
