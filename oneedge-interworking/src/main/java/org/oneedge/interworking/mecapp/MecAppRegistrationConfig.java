package org.oneedge.interworking.mecapp;

import java.util.Objects;

/**
 * Configuration of a {@link MecAppRegistration}: where the MEC platform is, who the CSE is and how it is reached.
 * One record with documented defaults (see {@link #builder()}).
 *
 * @param platformUrl          MEC platform URL the Mp1 APIs hang below, possibly a MEC host view such as
 *                             {@code http://127.0.0.1:8090/mec-host-1} (required)
 * @param appInstanceId        the MEC application instance id the CSE runs as; {@code null} = ask the platform for one
 *                             by registering ({@code POST /registrations}, MEC 011 v3) (default {@code null})
 * @param appName              MEC application name (default {@code oneM2M-CSE-<csi>})
 * @param cseId                SP-relative CSE-ID, e.g. {@code /id-mn1} (required)
 * @param cseBaseName          CSEBase resource name, e.g. {@code cse-mn1} (required)
 * @param httpPointOfAccess    the CSE's TS-0009 HTTP point of access, e.g. {@code http://10.0.0.5:8080}
 *                             ({@code null} = none; at least one of HTTP and MQTT is required)
 * @param mqttPointOfAccess    the CSE's TS-0010 MQTT broker, e.g. {@code mqtt://10.0.0.5:1883} ({@code null} = none)
 * @param offerAsMecService    publish the CSE as a MEC service in the MEC 011 registry so other MEC applications
 *                             discover it (deployment option D) (default {@code true})
 * @param releaseVersion       oneM2M release advertised as the service version (default {@code 3})
 * @param callbackHost         interface the notification receiver binds (default {@code 127.0.0.1})
 * @param callbackPort         port of the notification receiver, 0 = a free one (default 0)
 * @param callbackAdvertisedHost host put in callback URLs when the bind address is not what the platform can reach
 *                             ({@code null} = the bind address) (default {@code null})
 */
public record MecAppRegistrationConfig(String platformUrl, String appInstanceId, String appName, String cseId,
                                       String cseBaseName, String httpPointOfAccess, String mqttPointOfAccess,
                                       boolean offerAsMecService, String releaseVersion, String callbackHost,
                                       int callbackPort, String callbackAdvertisedHost) {

    public static final String SERVICE_CATEGORY = "oneM2M";

    public MecAppRegistrationConfig {
        Objects.requireNonNull(platformUrl, "platformUrl");
        if (platformUrl.endsWith("/")) {
            platformUrl = platformUrl.substring(0, platformUrl.length() - 1);
        }
        if (cseId == null || !cseId.startsWith("/") || cseId.length() < 2) {
            throw new IllegalArgumentException("cseId must be an SP-relative CSE-ID such as /id-mn1, was " + cseId);
        }
        Objects.requireNonNull(cseBaseName, "cseBaseName");
        if (httpPointOfAccess == null && mqttPointOfAccess == null) {
            throw new IllegalArgumentException("the CSE needs an HTTP or an MQTT point of access to be offered");
        }
        if (appName == null || appName.isBlank()) {
            appName = "oneM2M-CSE-" + cseId.substring(1);
        }
        Objects.requireNonNull(releaseVersion, "releaseVersion");
        Objects.requireNonNull(callbackHost, "callbackHost");
        if (callbackPort < 0 || callbackPort > 65535) {
            throw new IllegalArgumentException("callbackPort must be 0..65535, was " + callbackPort);
        }
    }

    /** The CSE-ID without its leading slash, e.g. {@code id-mn1}. */
    public String csi() {
        return cseId.substring(1);
    }

    /** The {@code serName} the CSE is published under: {@code oneM2M-CSE-<csi>}. */
    public String serviceName() {
        return "oneM2M-CSE-" + csi();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults documented on {@link MecAppRegistrationConfig}. */
    public static final class Builder {
        private String platformUrl;
        private String appInstanceId;
        private String appName;
        private String cseId;
        private String cseBaseName;
        private String httpPointOfAccess;
        private String mqttPointOfAccess;
        private boolean offerAsMecService = true;
        private String releaseVersion = "3";
        private String callbackHost = "127.0.0.1";
        private int callbackPort;
        private String callbackAdvertisedHost;

        private Builder() {
        }

        public Builder platformUrl(String v) { platformUrl = v; return this; }
        public Builder appInstanceId(String v) { appInstanceId = v; return this; }
        public Builder appName(String v) { appName = v; return this; }
        public Builder cseId(String v) { cseId = v; return this; }
        public Builder cseBaseName(String v) { cseBaseName = v; return this; }
        public Builder httpPointOfAccess(String v) { httpPointOfAccess = v; return this; }
        public Builder mqttPointOfAccess(String v) { mqttPointOfAccess = v; return this; }
        public Builder offerAsMecService(boolean v) { offerAsMecService = v; return this; }
        public Builder releaseVersion(String v) { releaseVersion = v; return this; }
        public Builder callbackHost(String v) { callbackHost = v; return this; }
        public Builder callbackPort(int v) { callbackPort = v; return this; }
        public Builder callbackAdvertisedHost(String v) { callbackAdvertisedHost = v; return this; }

        public MecAppRegistrationConfig build() {
            return new MecAppRegistrationConfig(platformUrl, appInstanceId, appName, cseId, cseBaseName,
                    httpPointOfAccess, mqttPointOfAccess, offerAsMecService, releaseVersion, callbackHost,
                    callbackPort, callbackAdvertisedHost);
        }
    }
}
