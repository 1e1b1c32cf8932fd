package org.oneedge.binding.http;

import java.util.Map;
import org.oneedge.binding.http.wire.WireRequest;

/**
 * A check a server runs on a request's headers before its body is read, so that a front such as the Mca proxy can
 * refuse a request by its own credentials and strip them, while the TS-0009 decoding and answering stay the binding's.
 */
@FunctionalInterface
public interface HeaderGate {

    /** Lets every request through with its headers unchanged (a CSE's own binding). */
    HeaderGate OPEN = WireRequest::headers;

    /**
     * The headers to decode the request with; throws {@link org.oneedge.model.OneM2MException} to refuse it.
     *
     * @param headersOnly the request's method and headers (no path, query or body yet)
     */
    Map<String, String> admit(WireRequest headersOnly);
}
