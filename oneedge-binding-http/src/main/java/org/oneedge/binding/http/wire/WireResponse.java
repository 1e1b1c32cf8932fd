package org.oneedge.binding.http.wire;

import java.util.Map;

/**
 * An HTTP response reduced to status, headers and body (TS-0009 6.3), independent of the HTTP library.
 *
 * @param status  HTTP status code
 * @param headers header values by case-insensitive name
 * @param body    the message body, empty when none
 */
public record WireResponse(int status, Map<String, String> headers, byte[] body) {

    public WireResponse {
        headers = WireRequest.caseInsensitiveCopy(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The header's value, or null. */
    public String header(String name) {
        return headers.get(name);
    }
}
