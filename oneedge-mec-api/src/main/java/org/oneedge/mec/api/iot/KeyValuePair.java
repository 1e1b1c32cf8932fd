package org.oneedge.mec.api.iot;

/** MEC 033 {@code KeyValuePair}: one entry of a device's {@code deviceMetadata}. */
public record KeyValuePair(String key, String value) {
}
