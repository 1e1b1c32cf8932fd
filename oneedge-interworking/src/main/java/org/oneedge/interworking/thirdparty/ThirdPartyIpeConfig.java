package org.oneedge.interworking.thirdparty;

import java.util.List;
import java.util.Objects;

/**
 * Configuration of a {@link ThirdPartyIpe}. One record with documented defaults (see {@link #builder()}).
 *
 * @param cseBaseName            CSEBase the device AEs register under, e.g. {@code cse-in} (required)
 * @param aeNamePrefix           prefix of each device AE's {@code rn}; the AE-ID is {@code C} + the name, so the
 *                               same device always gets the same AE-ID (default {@code dev-})
 * @param appId                  {@code api} of the device AEs (default {@code Norg.oneedge.ipe.device})
 * @param notificationHost       interface the command notification receiver binds (default {@code 127.0.0.1})
 * @param notificationPort       its port, 0 = a free one (default 0)
 * @param notificationAdvertisedHost host put in the subscriptions' {@code nu} when the CSE cannot reach the bind
 *                               address ({@code null} = the bind address) (default {@code null})
 * @param applicationOriginators originators ({@code acor} entries: ids, {@code /id-in/C*} patterns, {@code all})
 *                               that may read, subscribe to and command every device; they get an
 *                               {@code <accessControlPolicy>} {@code ipe-acp} under each device AE (CREATE, RETRIEVE,
 *                               UPDATE, NOTIFY, DISCOVERY). Empty = no ACP: only the device AE and the admin
 *                               (TS-0003 default policy) (default empty)
 * @param adminOriginator        the CSE's admin originator, with which the IPE finds, at start, the devices an earlier
 *                               run interworked (discovery of its AEs by label: a device AE without ACP is visible only
 *                               to itself and the admin), so commands reach them before they publish again (default
 *                               {@code CAdmin}; {@code null} = no look-up, commands resume with a device's first reading)
 */
public record ThirdPartyIpeConfig(String cseBaseName, String aeNamePrefix, String appId, String notificationHost,
                                  int notificationPort, String notificationAdvertisedHost,
                                  List<String> applicationOriginators, String adminOriginator) {

    public ThirdPartyIpeConfig {
        Objects.requireNonNull(cseBaseName, "cseBaseName");
        Objects.requireNonNull(aeNamePrefix, "aeNamePrefix");
        if (appId == null || !(appId.startsWith("N") || appId.startsWith("R"))) {
            throw new IllegalArgumentException("appId must start with N or R, was " + appId);
        }
        Objects.requireNonNull(notificationHost, "notificationHost");
        if (notificationPort < 0 || notificationPort > 65535) {
            throw new IllegalArgumentException("notificationPort must be 0..65535, was " + notificationPort);
        }
        applicationOriginators = applicationOriginators == null ? List.of()
                : List.copyOf(applicationOriginators);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults documented on {@link ThirdPartyIpeConfig}. */
    public static final class Builder {
        private String cseBaseName;
        private String aeNamePrefix = "dev-";
        private String appId = "Norg.oneedge.ipe.device";
        private String notificationHost = "127.0.0.1";
        private int notificationPort;
        private String notificationAdvertisedHost;
        private List<String> applicationOriginators = List.of();
        private String adminOriginator = "CAdmin";

        private Builder() {
        }

        public Builder cseBaseName(String v) { cseBaseName = v; return this; }
        public Builder aeNamePrefix(String v) { aeNamePrefix = v; return this; }
        public Builder appId(String v) { appId = v; return this; }
        public Builder notificationHost(String v) { notificationHost = v; return this; }
        public Builder notificationPort(int v) { notificationPort = v; return this; }
        public Builder notificationAdvertisedHost(String v) { notificationAdvertisedHost = v; return this; }
        public Builder applicationOriginators(List<String> v) { applicationOriginators = v; return this; }
        public Builder adminOriginator(String v) { adminOriginator = v; return this; }

        public ThirdPartyIpeConfig build() {
            return new ThirdPartyIpeConfig(cseBaseName, aeNamePrefix, appId, notificationHost, notificationPort,
                    notificationAdvertisedHost, applicationOriginators, adminOriginator);
        }
    }
}
