package org.oneedge.mec.platform.http;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection (RFC 9112) from a notification delivery lane to a callback's origin: the lane
 * POSTs its notifications one after the other on it, blocking on a virtual thread, and reads each answer's status.
 * This is all a lane needs, and it costs no thread hand-off per request (the JDK {@code HttpClient} passes every
 * request through its selector thread and executor, which dominated the delivery cost in {@code bench mec}).
 *
 * <p>The connection is opened on first use and reopened after the server closed it ({@code Connection: close}, idle
 * timeout). A request that fails on a reused connection before any byte of the answer arrived is sent once more on a
 * fresh connection (RFC 9112 9.3.1, the server may have closed the idle connection meanwhile). Not thread-safe: one
 * lane drainer at a time uses it.
 */
final class CallbackConnection implements AutoCloseable {

    private static final int MAX_LINE = 8192;

    private final URI callback;
    private final String host;
    private final int port;
    private final boolean tls;
    private final int timeoutMillis;
    private final byte[] head;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int requests;
    private volatile long lastUsedNanos = System.nanoTime();

    CallbackConnection(URI callback, Duration timeout) {
        this.callback = callback;
        this.host = callback.getHost();
        this.tls = "https".equalsIgnoreCase(callback.getScheme());
        this.port = callback.getPort() > 0 ? callback.getPort() : tls ? 443 : 80;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        String target = callback.getRawPath() == null || callback.getRawPath().isEmpty() ? "/" : callback.getRawPath();
        if (callback.getRawQuery() != null) {
            target += "?" + callback.getRawQuery();
        }
        String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        boolean defaultPort = callback.getPort() < 0;
        this.head = ("POST " + target + " HTTP/1.1\r\nHost: " + authority + (defaultPort ? "" : ":" + port)
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** POSTs {@code body} (JSON) and returns the answer's status code; the answer's body is read and discarded. */
    int post(byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(body);
        } catch (RetryableException e) {
            close();
            if (!reused) {
                throw e.getCause();
            }
        } catch (IOException e) {
            close();
            throw e;
        } catch (RuntimeException e) {
            close();
            throw new ProtocolException("malformed answer from " + callback + ": " + e);
        }
        try {
            return exchange(body); // the server had closed the idle connection: once more on a fresh one
        } catch (RetryableException e) {
            close();
            throw e.getCause();
        } catch (IOException e) {
            close();
            throw e;
        } catch (RuntimeException e) {
            close();
            throw new ProtocolException("malformed answer from " + callback + ": " + e);
        }
    }

    /** Nanosecond time of the last request, for closing idle connections. */
    long lastUsedNanos() {
        return lastUsedNanos;
    }

    boolean isOpen() {
        return socket != null;
    }

    private int exchange(byte[] body) throws IOException {
        lastUsedNanos = System.nanoTime();
        if (socket == null) {
            open();
        }
        try {
            out.write(head);
            out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
            out.write('\r');
            out.write('\n');
            out.write('\r');
            out.write('\n');
            out.write(body);
            out.flush();
        } catch (IOException e) {
            throw new RetryableException(e);
        }
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            throw e; // the server is slow, not gone
        } catch (IOException e) {
            throw new RetryableException(e);
        }
        if (first < 0) {
            throw new RetryableException(new EOFException("connection closed before the answer"));
        }
        int status;
        boolean keepAlive;
        do {
            String statusLine = (char) first + readLine();
            // HTTP/1.1 204 No Content
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new ProtocolException("malformed status line from " + callback + ": " + statusLine);
            }
            keepAlive = statusLine.charAt(7) == '1';
            try {
                status = Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new ProtocolException("malformed status line from " + callback + ": " + statusLine);
            }
            long contentLength = -1;
            boolean chunked = false;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> {
                        String v = value.toLowerCase(Locale.ROOT);
                        if (v.contains("close")) {
                            keepAlive = false;
                        } else if (v.contains("keep-alive")) {
                            keepAlive = true;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (status / 100 == 1) {
                first = in.read(); // interim answer (100 Continue): the final one follows
                if (first < 0) {
                    throw new EOFException("connection closed after an interim answer");
                }
                continue;
            }
            if (status == 204 || status == 304) {
                break;
            }
            if (chunked) {
                skipChunked();
            } else if (contentLength >= 0) {
                skip(contentLength);
            } else {
                while (in.read() >= 0) {
                    // no length: the body ends with the connection
                }
                keepAlive = false;
            }
            break;
        } while (true);
        requests++;
        if (!keepAlive) {
            close();
        }
        return status;
    }

    private void open() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            if (tls) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(s, host, port, true);
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // check the certificate names the host
                ssl.setSSLParameters(parameters);
                ssl.startHandshake();
                s = ssl;
            }
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 8192);
        out = new BufferedOutputStream(s.getOutputStream(), 8192);
        requests = 0;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed in the answer's head");
            }
            if (c != '\r') {
                if (line.length() >= MAX_LINE) {
                    throw new ProtocolException("answer header line longer than " + MAX_LINE + " bytes");
                }
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed in the answer's body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private void skipChunked() throws IOException {
        while (true) {
            String size = readLine();
            int ext = size.indexOf(';');
            long n = Long.parseLong((ext >= 0 ? size.substring(0, ext) : size).trim(), 16);
            if (n == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields
                }
                return;
            }
            skip(n);
            readLine(); // CRLF after the chunk
        }
    }

    /** Closes the socket; the next {@link #post} opens a new one. */
    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** A failure before any byte of the answer: the request may be sent again on a fresh connection. */
    private static final class RetryableException extends IOException {
        RetryableException(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
