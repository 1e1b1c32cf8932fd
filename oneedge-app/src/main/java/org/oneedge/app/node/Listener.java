package org.oneedge.app.node;

/** One thing a node serves on the network, printed at start-up so the user knows where to point a client. */
public record Listener(String description, String url) {

    /** The start-up line, e.g. {@code IN-CSE /id-in (cse-in) listening on http://127.0.0.1:8080/cse-in}. */
    public String line() {
        return description + " listening on " + url;
    }
}
