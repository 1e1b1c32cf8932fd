package org.oneedge.mec.platform.http;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Websocket delivery of notifications (MEC 009 6.12a, {@code websockNotifConfig.requestWebsocketUri}): each
 * subscription that asks for it gets its own {@code ws://<platform>/notifications/ws/<token>} URI; the subscriber
 * connects to it and receives every notification of that subscription as one JSON text message. Notifications sent
 * while no client is connected wait in a bounded backlog (oldest dropped first, counted) and are flushed in order on
 * connect.
 *
 * <pre>
 *   open(origin) ─▶ ws://host/notifications/ws/{token}   (returned in websockNotifConfig.websocketUri)
 *   client ──WS connect──▶ onConnect: attach session, flush backlog
 *   send(uri, json) ─▶ every attached session (or the backlog)
 * </pre>
 */
public final class WebsocketChannels {

    /** The websocket route, under the platform root. */
    public static final String PATH = "/notifications/ws/{token}";
    private static final Logger LOG = LoggerFactory.getLogger(WebsocketChannels.class);

    private final class Channel {
        final Set<WsContext> sessions = new CopyOnWriteArraySet<>();
        final Deque<String> backlog = new ArrayDeque<>();
    }

    private final int backlogCapacity;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public WebsocketChannels(int backlogCapacity) {
        this.backlogCapacity = backlogCapacity;
    }

    /** Whether {@code uri} is a websocket delivery target. */
    public static boolean isWebsocket(URI uri) {
        return "ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme());
    }

    /** A new channel reachable under {@code httpOrigin} (e.g. {@code http://127.0.0.1:8090}); returns its ws URI. */
    public URI open(String httpOrigin) {
        String token = UUID.randomUUID().toString();
        channels.put(token, new Channel());
        String wsOrigin = httpOrigin.startsWith("https:") ? "wss:" + httpOrigin.substring(6)
                : "ws:" + httpOrigin.substring(httpOrigin.indexOf(':') + 1);
        return URI.create(wsOrigin + PATH.replace("{token}", token));
    }

    /** Closes the channel of {@code uri} and its sessions (the subscription was deleted). */
    public void close(URI uri) {
        Channel c = channels.remove(tokenOf(uri));
        if (c != null) {
            c.sessions.forEach(s -> s.closeSession(1000, "subscription deleted"));
        }
    }

    /** Closes every channel's sessions (the platform is stopping); the channels stay for subscribers to reconnect. */
    public void closeAll() {
        for (Channel c : channels.values()) {
            for (WsContext session : c.sessions) {
                try {
                    session.closeSession(1001, "MEC platform stopping");
                } catch (RuntimeException e) {
                    LOG.debug("Closing websocket session {} failed: {}", session.sessionId(), e.toString());
                }
            }
            c.sessions.clear();
        }
    }

    /** Delivers {@code json} to the channel's sessions, or keeps it in the backlog until one connects. */
    public void send(URI uri, byte[] json, String description) {
        Channel c = channels.get(tokenOf(uri));
        if (c == null) {
            dropped.incrementAndGet();
            LOG.debug("No websocket channel {} for {}", uri, description);
            return;
        }
        String text = new String(json, StandardCharsets.UTF_8);
        synchronized (c) {
            if (c.sessions.isEmpty()) {
                if (c.backlog.size() >= backlogCapacity) {
                    c.backlog.removeFirst();
                    dropped.incrementAndGet();
                }
                c.backlog.addLast(text);
                return;
            }
            for (WsContext s : c.sessions) {
                s.send(text);
            }
            delivered.incrementAndGet();
        }
    }

    /** Configures the websocket endpoint at {@link #PATH}. */
    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            Channel c = channels.get(ctx.pathParam("token"));
            if (c == null) {
                ctx.closeSession(1008, "unknown notification channel");
                return;
            }
            synchronized (c) {
                c.sessions.add(ctx);
                while (!c.backlog.isEmpty()) {
                    ctx.send(c.backlog.removeFirst());
                    delivered.incrementAndGet();
                }
            }
            LOG.info("Websocket notification channel {} connected ({})", ctx.pathParam("token"), ctx.sessionId());
        });
        ws.onClose(ctx -> {
            Channel c = channels.get(ctx.pathParam("token"));
            if (c != null) {
                c.sessions.remove(ctx);
            }
        });
        ws.onError(ctx -> {
            Channel c = channels.get(ctx.pathParam("token"));
            if (c != null) {
                c.sessions.remove(ctx);
            }
        });
    }

    private static String tokenOf(URI uri) {
        String path = uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public long deliveredCount() {
        return delivered.get();
    }

    public long droppedCount() {
        return dropped.get();
    }
}
