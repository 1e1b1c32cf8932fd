package org.oneedge.interworking.mcaproxy;

import java.util.Set;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResponseStatusCode;

/**
 * The proxy's own admission check, separate from the CSE's access control (which still decides on the unchanged
 * {@code X-M2M-Origin}): the device presents a configured bearer token in a proxy credential ({@code Proxy-Authorization}
 * on HTTP, digest 2.2; the {@code proxyAuthorization} primitive member on MQTT). Refusals are 4103 with a message.
 */
final class ProxyCredentials {

    private final Set<String> tokens;

    ProxyCredentials(Set<String> tokens) {
        this.tokens = Set.copyOf(tokens);
    }

    /**
     * Checks a credential value such as {@code Bearer abc}.
     *
     * @throws OneM2MException 4103 ORIGINATOR_HAS_NO_PRIVILEGE when it is missing, not Bearer, or not a proxy token
     */
    void check(String credential, String where) {
        if (tokens.isEmpty()) {
            return;
        }
        if (credential == null || credential.isBlank()) {
            throw refused("missing proxy token: send " + where + " \"Bearer <token>\" to use this Mca proxy");
        }
        String c = credential.trim();
        if (!c.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused(where + " must use the Bearer scheme");
        }
        if (!tokens.contains(c.substring(7).trim())) {
            throw refused("the proxy token in " + where + " is not accepted by this Mca proxy");
        }
    }

    private static OneM2MException refused(String message) {
        return new OneM2MException(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, message);
    }
}
