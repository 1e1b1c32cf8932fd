package org.oneedge.binding.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes exact bytes to a server and reads HTTP/1.1 responses back, for raw-wire tests. */
final class RawHttp implements AutoCloseable {

    /** A response as read off the socket. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends one request (CRLF line ends added) and reads one response. */
    static Answer exchange(int port, String head, String body) throws IOException {
        try (RawHttp raw = new RawHttp(port)) {
            return raw.send(head, body);
        }
    }

    Answer send(String head, String body) throws IOException {
        byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String text = head.strip().replace("\n", "\r\n") + "\r\n";
        if (body != null) {
            text += "Content-Length: " + bodyBytes.length + "\r\n";
        }
        text += "\r\n";
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.write(bodyBytes);
        out.flush();
        return read();
    }

    Answer read() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> lines = new ArrayList<>();
        for (String l = line(); !l.isEmpty(); l = line()) {
            lines.add(l);
            int colon = l.indexOf(':');
            headers.putIfAbsent(l.substring(0, colon).trim(), l.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
        byte[] body = in.readNBytes(length);
        return new Answer(Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c == -1 && b.size() == 0) {
            throw new IOException("connection closed");
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
