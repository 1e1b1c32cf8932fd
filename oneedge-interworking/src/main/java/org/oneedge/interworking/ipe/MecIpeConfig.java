package org.oneedge.interworking.ipe;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of a {@link MecIpe}. One record with documented defaults (see {@link #builder()}). The three MEC
 * endpoints are API base URLs as the MEC 011 registry gives them; a {@code null} one switches that part of the mirror
 * off.
 *
 * @param cseBaseName         CSEBase the IPE registers under, e.g. {@code cse-mn1} (required)
 * @param aeName              {@code rn} and AE-ID of the IPE's {@code <AE>} (default {@code CMecIpe})
 * @param appId               {@code api} of the IPE (default {@code Norg.oneedge.mecipe})
 * @param rnisUrl             MEC 012 RNIS base, e.g. {@code http://mec/mep1/rni/v2} (default {@code null})
 * @param locationUrl         MEC 013 Location base, e.g. {@code http://mec/mep1/location/v3} (default {@code null})
 * @param metricsUrl          platform metrics base, e.g. {@code http://mec/mep1/metrics/v1} (default {@code null})
 * @param callbackHost        interface the MEC notification receiver binds (default {@code 127.0.0.1})
 * @param callbackPort        its port, 0 = a free one (default 0)
 * @param callbackAdvertisedHost host put in callback URLs ({@code null} = the bind address) (default {@code null})
 * @param metricsInterval     how often host metrics are read (default 2 s)
 * @param ueUpdateInterval    least time between two writes of a UE caused by measurement reports alone; cell, zone
 *                            and position changes are written at once (default 1 s)
 * @param resyncInterval      how often the mirror re-checks its AE, tree and MEC subscriptions and re-reads the MEC
 *                            state, repairing what a restart of either side lost (default 30 s)
 * @param historySize         {@code mni} of the UE flexContainers and cell containers: how many past states a
 *                            oneM2M reader sees as {@code <flexContainerInstance>}s; 0 = no history (default 10)
 */
public record MecIpeConfig(String cseBaseName, String aeName, String appId, String rnisUrl, String locationUrl,
                           String metricsUrl, String callbackHost, int callbackPort, String callbackAdvertisedHost,
                           Duration metricsInterval, Duration ueUpdateInterval, Duration resyncInterval,
                           int historySize) {

    public MecIpeConfig {
        Objects.requireNonNull(cseBaseName, "cseBaseName");
        if (aeName == null || !aeName.startsWith("C")) {
            throw new IllegalArgumentException("aeName must be a C-AE-ID such as CMecIpe, was " + aeName);
        }
        if (appId == null || !(appId.startsWith("N") || appId.startsWith("R"))) {
            throw new IllegalArgumentException("appId must start with N or R, was " + appId);
        }
        rnisUrl = trim(rnisUrl);
        locationUrl = trim(locationUrl);
        metricsUrl = trim(metricsUrl);
        Objects.requireNonNull(callbackHost, "callbackHost");
        requirePositive(metricsInterval, "metricsInterval");
        requirePositive(ueUpdateInterval, "ueUpdateInterval");
        requirePositive(resyncInterval, "resyncInterval");
        if (historySize < 0) {
            throw new IllegalArgumentException("historySize must be >= 0, was " + historySize);
        }
    }

    private static String trim(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().cseBaseName(cseBaseName).aeName(aeName).appId(appId).rnisUrl(rnisUrl)
                .locationUrl(locationUrl).metricsUrl(metricsUrl).callbackHost(callbackHost).callbackPort(callbackPort)
                .callbackAdvertisedHost(callbackAdvertisedHost).metricsInterval(metricsInterval)
                .ueUpdateInterval(ueUpdateInterval).resyncInterval(resyncInterval).historySize(historySize);
    }

    /** Builder with the defaults documented on {@link MecIpeConfig}. */
    public static final class Builder {
        private String cseBaseName;
        private String aeName = "CMecIpe";
        private String appId = "Norg.oneedge.mecipe";
        private String rnisUrl;
        private String locationUrl;
        private String metricsUrl;
        private String callbackHost = "127.0.0.1";
        private int callbackPort;
        private String callbackAdvertisedHost;
        private Duration metricsInterval = Duration.ofSeconds(2);
        private Duration ueUpdateInterval = Duration.ofSeconds(1);
        private Duration resyncInterval = Duration.ofSeconds(30);
        private int historySize = 10;

        private Builder() {
        }

        public Builder cseBaseName(String v) { cseBaseName = v; return this; }
        public Builder aeName(String v) { aeName = v; return this; }
        public Builder appId(String v) { appId = v; return this; }
        public Builder rnisUrl(String v) { rnisUrl = v; return this; }
        public Builder locationUrl(String v) { locationUrl = v; return this; }
        public Builder metricsUrl(String v) { metricsUrl = v; return this; }
        public Builder callbackHost(String v) { callbackHost = v; return this; }
        public Builder callbackPort(int v) { callbackPort = v; return this; }
        public Builder callbackAdvertisedHost(String v) { callbackAdvertisedHost = v; return this; }
        public Builder metricsInterval(Duration v) { metricsInterval = v; return this; }
        public Builder ueUpdateInterval(Duration v) { ueUpdateInterval = v; return this; }
        public Builder resyncInterval(Duration v) { resyncInterval = v; return this; }
        public Builder historySize(int v) { historySize = v; return this; }

        public MecIpeConfig build() {
            return new MecIpeConfig(cseBaseName, aeName, appId, rnisUrl, locationUrl, metricsUrl, callbackHost,
                    callbackPort, callbackAdvertisedHost, metricsInterval, ueUpdateInterval, resyncInterval,
                    historySize);
        }
    }
}
