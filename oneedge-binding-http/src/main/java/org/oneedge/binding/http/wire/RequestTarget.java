package org.oneedge.binding.http.wire;

/**
 * Maps the {@code to} parameter to the HTTP request-target path and back (TS-0009 6.2.1, digest 2.6):
 * <pre>
 *   CSE-relative   cse-in/AE1/cnt1        &lt;-&gt;  /cse-in/AE1/cnt1
 *   unstructured   cnt1234                &lt;-&gt;  /cnt1234
 *   SP-relative    /id-in/cse-in/AE1      &lt;-&gt;  /~/id-in/cse-in/AE1
 *   absolute       //sp.example/id-in/AE1 &lt;-&gt;  /_/sp.example/id-in/AE1
 * </pre>
 * Segments are percent-encoded on the way out and decoded on the way in.
 */
public final class RequestTarget {

    /** pchar characters (RFC 3986 3.3) that need no escaping in a path segment, besides the unreserved ones. */
    private static final String PATH_SAFE = "!$&'()*+,;=:@";

    private RequestTarget() {
    }

    /** The origin-form path for a {@code to} value. */
    public static String toPath(String to) {
        if (to.startsWith("//")) {
            return "/_/" + encodeSegments(to.substring(2));
        }
        if (to.startsWith("/")) {
            return "/~/" + encodeSegments(to.substring(1));
        }
        String encoded = encodeSegments(to);
        // A CSE-relative first segment "~" or "_" would read as the SP-relative or absolute marker: escape it.
        if (encoded.equals("~") || encoded.startsWith("~/")) {
            encoded = "%7E" + encoded.substring(1);
        } else if (encoded.equals("_") || encoded.startsWith("_/")) {
            encoded = "%5F" + encoded.substring(1);
        }
        return "/" + encoded;
    }

    /**
     * The {@code to} value for a raw (still percent-encoded) request path.
     *
     * @throws IllegalArgumentException when the path holds a broken percent escape
     */
    public static String fromPath(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.equals("~") || path.startsWith("~/")) {
            return "/" + decodeSegments(path.length() > 2 ? path.substring(2) : "");
        }
        if (path.equals("_") || path.startsWith("_/")) {
            return "//" + decodeSegments(path.length() > 2 ? path.substring(2) : "");
        }
        return decodeSegments(path);
    }

    private static String encodeSegments(String to) {
        String[] segments = to.split("/", -1);
        StringBuilder sb = new StringBuilder(to.length() + 8);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(PercentCoding.encode(segments[i], PATH_SAFE));
        }
        return sb.toString();
    }

    private static String decodeSegments(String path) {
        return PercentCoding.decode(path);
    }
}
