package org.oneedge.interworking.location;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of a {@link NetworkLocationProvider}. One record with documented defaults (see {@link #builder()}).
 *
 * @param cseBaseName         CSEBase below which network-based {@code <locationPolicy>} resources are watched, e.g.
 *                            {@code cse-mn1} (required)
 * @param originator          identity the provider writes with: the hosting CSE's admin originator, because only the
 *                            CSE may set a policy's {@code lost} (default {@code CAdmin})
 * @param locationUrl         MEC 013 Location API base, e.g. {@code http://mec/mep1/location/v3} (required)
 * @param scanInterval        how often the CSE is searched for new, changed or deleted policies (default 5 s)
 * @param defaultUpdatePeriod period for a policy without {@code lou} (or with zero) (default 10 s)
 * @param targetAddresses     {@code lot} (locationTargetID) to MEC UE address, e.g. {@code imsi-1 -> acr:10.0.0.1};
 *                            a target that is not listed is used as the address itself (default empty)
 * @param releaseVersion      {@code rvi} of the provider's requests (default {@code 3})
 */
public record NetworkLocationConfig(String cseBaseName, String originator, String locationUrl, Duration scanInterval,
                                    Duration defaultUpdatePeriod, Map<String, String> targetAddresses,
                                    String releaseVersion) {

    public NetworkLocationConfig {
        Objects.requireNonNull(cseBaseName, "cseBaseName");
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(locationUrl, "locationUrl");
        locationUrl = locationUrl.endsWith("/") ? locationUrl.substring(0, locationUrl.length() - 1) : locationUrl;
        requirePositive(scanInterval, "scanInterval");
        requirePositive(defaultUpdatePeriod, "defaultUpdatePeriod");
        targetAddresses = Map.copyOf(targetAddresses);
        Objects.requireNonNull(releaseVersion, "releaseVersion");
    }

    /** The MEC UE address of a location target. */
    public String addressOf(String target) {
        return targetAddresses.getOrDefault(target, target);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults documented on {@link NetworkLocationConfig}. */
    public static final class Builder {
        private String cseBaseName;
        private String originator = "CAdmin";
        private String locationUrl;
        private Duration scanInterval = Duration.ofSeconds(5);
        private Duration defaultUpdatePeriod = Duration.ofSeconds(10);
        private Map<String, String> targetAddresses = Map.of();
        private String releaseVersion = "3";

        public Builder cseBaseName(String v) { cseBaseName = v; return this; }
        public Builder originator(String v) { originator = v; return this; }
        public Builder locationUrl(String v) { locationUrl = v; return this; }
        public Builder scanInterval(Duration v) { scanInterval = v; return this; }
        public Builder defaultUpdatePeriod(Duration v) { defaultUpdatePeriod = v; return this; }
        public Builder targetAddresses(Map<String, String> v) { targetAddresses = v; return this; }
        public Builder releaseVersion(String v) { releaseVersion = v; return this; }

        public NetworkLocationConfig build() {
            return new NetworkLocationConfig(cseBaseName, originator, locationUrl, scanInterval, defaultUpdatePeriod,
                    targetAddresses, releaseVersion);
        }
    }
}
