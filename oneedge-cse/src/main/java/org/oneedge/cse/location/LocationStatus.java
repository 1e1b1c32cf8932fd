package org.oneedge.cse.location;

import java.util.Optional;

/**
 * The state of the last location request of a network-based {@code <locationPolicy>} ({@code lost},
 * TS-0004 6.3.4.2.14 m2m:locationStatus), set by the location server, never by the policy's owner.
 */
public enum LocationStatus {
    SUCCESSFUL(1),
    FAILURE(2),
    IN_PROCESS(3);

    private final int code;

    LocationStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<LocationStatus> of(int code) {
        for (LocationStatus s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
