package org.oneedge.mec.platform;

import java.util.Objects;

/**
 * How a platform-provided API appears in the MEC 011 service registry ({@code ServiceInfo.serName},
 * {@code serCategory.id/name}, {@code version}); the transport is filled in by the platform.
 *
 * @param serName      e.g. {@code rnis}
 * @param categoryName e.g. {@code RNI}, {@code Location}, {@code AMS}, {@code IoT}, {@code Metrics}; also used as
 *                     the category id
 * @param version      API version, e.g. {@code v2}
 */
public record MecServiceDescription(String serName, String categoryName, String version) {

    public MecServiceDescription {
        Objects.requireNonNull(serName, "serName");
        Objects.requireNonNull(categoryName, "categoryName");
        Objects.requireNonNull(version, "version");
    }
}
