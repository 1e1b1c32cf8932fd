package org.oneedge.mec.platform;

import java.net.URI;
import org.oneedge.mec.api.common.MecProblemException;

/**
 * Checks the callback URI a MEC subscription carries (MEC 011 and MEC 010-2 subscriptions): the one rule shared by the
 * subscription endpoints that accept any http(s) URL, answering 400 ProblemDetails naming the attribute otherwise.
 */
public final class CallbackUri {

    private CallbackUri() {
    }

    /**
     * @param attribute the attribute's name in the request body, used in the message (e.g. {@code callbackReference})
     * @param value     the attribute's value
     * @return the value as a URI
     * @throws MecProblemException 400 when the value is not a URI or its scheme is not http or https
     */
    public static URI require(String attribute, String value) {
        try {
            URI uri = URI.create(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw MecProblemException.badRequest(attribute + " must be an http(s) URL, was '" + value + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw MecProblemException.badRequest(attribute + " is not a valid URI: " + value);
        }
    }
}
