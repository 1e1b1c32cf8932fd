package org.oneedge.binding.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.oneedge.binding.http.wire.WireResponse;

/**
 * One plain-text HTTP/1.1 connection (RFC 9112) to an {@code http://} origin, used by one request at a time with
 * blocking socket I/O on the caller's (virtual) thread: no selector thread, executor hand-off or per-request timer
 * as in {@code java.net.http}, which dominated the client's cost with thousands of concurrent requests.
 *
 * <p>{@link #exchange} writes the request, reads the whole answer (body by {@code Content-Length}, chunked, or until
 * the server closes) and says with {@link #reusable()} whether the connection may carry another request. The read
 * timeout is {@link Socket#setSoTimeout} (per read, so a trickling answer is not cut off) and surfaces as
 * {@link HttpTimeoutException}; a connect timeout as {@link HttpConnectTimeoutException}: the same exceptions the JDK
 * client throws, so {@link HttpTransport} maps both clients' failures alike. A failure before any byte of the answer
 * arrived is a {@link NotAnsweredException}: the caller may resend the request on a fresh connection (RFC 9112
 * 9.3.1). Any failure leaves the connection closed. The same idea, for MEC notification lanes, is
 * {@code oneedge-mec-platform}'s {@code CallbackConnection}; the two modules may not depend on each other, hence a
 * little duplication.
 */
final class Http11Connection implements AutoCloseable {

    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 256;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String hostHeader;
    private boolean reusable = true;
    private long idleSinceNanos = System.nanoTime();

    private Http11Connection(Socket socket, String hostHeader) throws IOException {
        this.socket = socket;
        this.hostHeader = hostHeader;
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    /**
     * Opens a connection.
     *
     * @param hostHeader  the {@code Host} header value (the origin's authority, e.g. {@code 127.0.0.1:8080})
     * @param readTimeout longest wait for any read of the answer
     * @throws HttpConnectTimeoutException when no connection is made within {@code connectTimeout}
     */
    static Http11Connection open(String host, int port, String hostHeader, Duration connectTimeout,
                                 Duration readTimeout) throws IOException {
        Socket s = new Socket();
        try {
            try {
                s.connect(new InetSocketAddress(host, port), millis(connectTimeout));
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("no connection to " + hostHeader + " within "
                        + connectTimeout.toMillis() + " ms");
            }
            s.setTcpNoDelay(true);
            s.setSoTimeout(millis(readTimeout));
            return new Http11Connection(s, hostHeader);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    /**
     * Sends one request and reads its answer; headers of the answer are kept by name, first value of a repeated one.
     *
     * @param target  path and query as sent on the wire
     * @param headers request headers, already checked by {@link #checkHeader}
     */
    WireResponse exchange(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try {
            return exchangeOrFail(method, target, headers, body);
        } catch (IOException | RuntimeException e) {
            close();
            if (e instanceof RuntimeException) {
                throw new ProtocolException("malformed answer from " + hostHeader + ": " + e);
            }
            throw e;
        }
    }

    private WireResponse exchangeOrFail(String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        try {
            writeRequest(method, target, headers, body);
        } catch (IOException e) {
            throw new NotAnsweredException(e);
        }
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            throw new HttpTimeoutException("no answer"); // the server is slow, not gone: never resent
        } catch (IOException e) {
            throw new NotAnsweredException(e);
        }
        if (first < 0) {
            throw new NotAnsweredException(new EOFException("connection closed before the answer"));
        }
        try {
            return readAnswer(first, method);
        } catch (SocketTimeoutException e) {
            throw new HttpTimeoutException("answer incomplete");
        }
    }

    private void writeRequest(String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body.length > 0 || !("GET".equals(method) || "DELETE".equals(method))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private WireResponse readAnswer(int first, String method) throws IOException {
        while (true) {
            String statusLine = (char) first + readLine();
            // HTTP/1.1 200 OK
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
                throw new ProtocolException("malformed status line from " + hostHeader + ": " + statusLine);
            }
            boolean keepAlive = statusLine.charAt(7) == '1';
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            long contentLength = -1;
            boolean chunked = false;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                if (headers.size() >= MAX_HEADERS) {
                    throw new ProtocolException("more than " + MAX_HEADERS + " header fields from " + hostHeader);
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                headers.putIfAbsent(name, value);
                switch (name.toLowerCase(Locale.ROOT)) {
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
            byte[] body;
            if (status == 204 || status == 304 || "HEAD".equals(method)) {
                body = new byte[0];
            } else if (chunked) {
                body = readChunked();
            } else if (contentLength >= 0) {
                if (contentLength > Integer.MAX_VALUE - 16) {
                    throw new ProtocolException("answer body of " + contentLength + " bytes is too large");
                }
                body = in.readNBytes((int) contentLength);
                if (body.length < contentLength) {
                    throw new EOFException("connection closed in the answer's body");
                }
            } else {
                body = in.readAllBytes(); // no length: the body ends with the connection
                keepAlive = false;
            }
            reusable = keepAlive;
            idleSinceNanos = System.nanoTime();
            return new WireResponse(status, headers, body);
        }
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

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine();
            int ext = size.indexOf(';');
            long n = Long.parseLong((ext >= 0 ? size.substring(0, ext) : size).trim(), 16);
            if (n == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields
                }
                return body.toByteArray();
            }
            if (n > Integer.MAX_VALUE - 16 - body.size()) {
                throw new ProtocolException("chunked answer body too large");
            }
            byte[] chunk = in.readNBytes((int) n);
            if (chunk.length < n) {
                throw new EOFException("connection closed in the answer's body");
            }
            body.write(chunk);
            readLine(); // CRLF after the chunk
        }
    }

    /** True after a complete answer that lets the connection carry another request. */
    boolean reusable() {
        return reusable && !socket.isClosed();
    }

    /** {@link System#nanoTime()} when the last answer was read (or the connection opened). */
    long idleSinceNanos() {
        return idleSinceNanos;
    }

    /**
     * Refuses a header HTTP/1.1 cannot carry as given (the rules of the JDK client, so both clients refuse alike):
     * a name that is not a token (RFC 9110 5.1), a value with control characters or characters above U+00FF, or a
     * header the connection writes itself.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static void checkHeader(String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("invalid header name \"" + name + "\"");
            }
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "host", "content-length", "connection", "expect", "upgrade", "transfer-encoding" ->
                    throw new IllegalArgumentException("restricted header name: \"" + name + "\"");
            default -> {
            }
        }
        if (value == null) {
            throw new IllegalArgumentException("no value for header \"" + name + "\"");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xff || c == 0x7f || (c < 0x20 && c != '\t')) {
                throw new IllegalArgumentException("invalid header value for header \"" + name + "\"");
            }
        }
    }

    @Override
    public void close() {
        reusable = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** A failure before any byte of the answer: the request may be sent again on a fresh connection. */
    static final class NotAnsweredException extends IOException {
        NotAnsweredException(IOException cause) {
            super(cause.toString(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
