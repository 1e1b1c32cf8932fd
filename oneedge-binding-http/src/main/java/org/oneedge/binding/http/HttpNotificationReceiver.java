package org.oneedge.binding.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP endpoint an AE (or a test) gives as {@code nu}/{@code poa} to receive oneM2M notifications
 * (TS-0009, digest 6.5 and 6.6): it answers every NOTIFY with 2000, including verification requests
 * ({@code m2m:sgn/vrq=true}), records what arrived and hands each real notification to a listener.
 * Other operations get 4005.
 * <pre>
 *   try (var receiver = new HttpNotificationReceiver()) {
 *       receiver.start();
 *       ... subscribe with nu = receiver.url() ...
 *       Request n = receiver.poll(Duration.ofSeconds(5));
 *   }
 * </pre>
 */
public final class HttpNotificationReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpNotificationReceiver.class);

    /** The path {@link #url()} names; any path is answered. */
    public static final String PATH = "/notify";

    private final HttpBindingServer server;
    private final NotificationListener listener;
    private final List<Request> notifications = new CopyOnWriteArrayList<>();
    private final List<Request> verificationRequests = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();

    /** Loopback, any free port, no listener (use {@link #poll} or {@link #notifications()}). */
    public HttpNotificationReceiver() {
        this(HttpBindingConfig.loopbackAnyPort(), n -> { });
    }

    public HttpNotificationReceiver(NotificationListener listener) {
        this(HttpBindingConfig.loopbackAnyPort(), listener);
    }

    public HttpNotificationReceiver(HttpBindingConfig config, NotificationListener listener) {
        this.listener = listener;
        this.server = new HttpBindingServer(config, this::handle);
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** The URL to give as notification target, e.g. {@code http://127.0.0.1:40123/notify}. */
    public String url() {
        return server.baseUrl() + PATH;
    }

    public int port() {
        return server.port();
    }

    /** The notifications received so far (verification requests excluded), oldest first. */
    public List<Request> notifications() {
        return List.copyOf(notifications);
    }

    /** The verification requests received so far. */
    public List<Request> verificationRequests() {
        return List.copyOf(verificationRequests);
    }

    /** Takes the oldest notification not taken yet, waiting up to {@code timeout}; null when none came. */
    public Request poll(Duration timeout) throws InterruptedException {
        return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Response handle(Request request) {
        if (request.operation() != Operation.NOTIFY) {
            return Response.error(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "this endpoint only receives notifications, not " + request.operation());
        }
        if (isVerification(request)) {
            LOG.debug("verification request rqi={} sur={}", request.requestId(),
                    request.content().at("/m2m:sgn/sur").asText(null));
            verificationRequests.add(request);
            return ok(request);
        }
        notifications.add(request);
        queue.add(request);
        try {
            listener.onNotification(request);
        } catch (RuntimeException e) {
            LOG.warn("notification listener failed for rqi={}", request.requestId(), e);
        }
        return ok(request);
    }

    private static Response ok(Request request) {
        return Response.of(ResponseStatusCode.OK, null).withRequestId(request.requestId())
                .withReleaseVersion(request.releaseVersion());
    }

    /** A verification request carries {@code {"m2m:sgn":{"vrq":true,...}}} (TS-0004 7.5.1.2.2, digest 6.5). */
    static boolean isVerification(Request request) {
        return request.content() != null && request.content().at("/m2m:sgn/vrq").asBoolean(false);
    }
}
