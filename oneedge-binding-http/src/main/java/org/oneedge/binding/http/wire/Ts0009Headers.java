package org.oneedge.binding.http.wire;

/**
 * Header names of the oneM2M HTTP binding (TS-0009 6.2.2 and 6.4), kept in one place so that the server decoder and
 * the client encoder cannot spell them differently.
 */
public final class Ts0009Headers {
    public static final String ORIGIN = "X-M2M-Origin";
    public static final String REQUEST_ID = "X-M2M-RI";
    public static final String RELEASE_VERSION = "X-M2M-RVI";
    public static final String EVENT_CATEGORY = "X-M2M-EC";
    public static final String ORIGINATING_TIMESTAMP = "X-M2M-OT";
    public static final String REQUEST_EXPIRATION = "X-M2M-RET";
    public static final String RESULT_EXPIRATION = "X-M2M-RST";
    public static final String OPERATION_EXECUTION_TIME = "X-M2M-OET";
    public static final String VENDOR_INFORMATION = "X-M2M-VSI";
    public static final String GROUP_REQUEST_ID = "X-M2M-GID";
    public static final String RESPONSE_TARGETS = "X-M2M-RTU";
    public static final String RESPONSE_STATUS_CODE = "X-M2M-RSC";
    public static final String CONTENT_STATUS = "X-M2M-CTS";
    public static final String CONTENT_OFFSET = "X-M2M-CTO";
    public static final String AUTHORIZATION = "Authorization";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LOCATION = "Content-Location";
    public static final String ACCEPT = "Accept";
    public static final String ALLOW = "Allow";

    private Ts0009Headers() {
    }
}
