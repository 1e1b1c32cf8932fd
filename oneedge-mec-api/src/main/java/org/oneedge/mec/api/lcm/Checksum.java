package org.oneedge.mec.api.lcm;

/** MEC 010-2 {@code Checksum} of an application package. */
public record Checksum(String algorithm, String hash) {

    public Checksum {
        if (algorithm == null || hash == null) {
            throw new IllegalArgumentException("checksum needs algorithm and hash");
        }
    }
}
