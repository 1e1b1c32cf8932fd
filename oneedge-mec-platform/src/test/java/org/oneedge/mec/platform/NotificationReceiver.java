package org.oneedge.mec.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP endpoint on a free loopback port that records every notification POSTed to it and answers 204 (or a
 * configured failure status for the first N requests, to exercise retries).
 */
public final class NotificationReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    public NotificationReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                received.add(TestHttp.MAPPER.readTree(body));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    /** The callback URL ({@code path} appended, e.g. {@code "/cb"}). */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String url() {
        return url("/notify");
    }

    /** Answers 503 to the next {@code n} notifications. */
    public void failNext(int n) {
        failuresLeft.set(n);
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** Notifications whose {@code notificationType} is {@code type}. */
    public List<JsonNode> ofType(String type) {
        return received.stream().filter(n -> type.equals(n.path("notificationType").asText())).toList();
    }

    public void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
