package org.oneedge.cse.remote;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.Forwarder;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.Address;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards requests addressed to other CSEs over Mcc (TS-0001 10.2.3 retargeting, digest §2.6 and §4.3), and hands
 * NOTIFY requests addressed to a local {@code <AE>} on to the AE's {@code poa}.
 *
 * <pre>
 *  to = /id-mn2/...  ─► RemoteCseRoutes: own &lt;remoteCSE&gt; │ registree's dcse │ registrar ─► poa ─► RemoteSender
 *                     └ no route: 4004 "unknown CSE-ID /id-mn2: not registered here and no registrar"
 * </pre>
 *
 * <p>The originator is kept; an AE-ID-Stem {@code C…} is made SP-relative ({@code CAE1} → {@code /id-mn1/CAE1}) as
 * TS-0001 7.2 asks of the registrar, so the hosting CSE's ACPs name {@code /id-mn1/CAE1}. The answer goes back
 * unchanged ({@code rsc}, {@code pc}).
 *
 * <p>Loop protection without any extra header: forwarding is synchronous, so a request that comes back to a CSE
 * while that CSE is still forwarding it is in a loop. Each forwarder keeps the requests it is forwarding right now,
 * keyed by originator, {@code rqi}, operation and target; meeting one of them again answers 5103 "forwarding loop
 * detected" (which then travels back along the loop). Nothing is kept after the answer.
 *
 * <p>Link loss (with {@link #queueNotifications}): a NOTIFY whose next hop cannot be reached is kept in an
 * {@link MccOutbox} in this CSE's store and answered 1000 ACCEPTED; it is sent on, in order, once the hop is back
 * (also after a restart of this CSE). Other operations get the next hop's error at once (the originator waits for
 * their answer, so queueing them would only hide the loss).
 */
public final class RemoteCseForwarder implements Forwarder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteCseForwarder.class);

    private final CseConfig config;
    private final RemoteCseRoutes routes;
    private final List<RemoteSender> senders;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile MccOutbox notifications;

    public RemoteCseForwarder(CseConfig config, ResourceStore store, List<RemoteSender> senders) {
        this.config = config;
        this.routes = new RemoteCseRoutes(store, config.cseIdWithoutSlash());
        this.senders = List.copyOf(senders);
    }

    /**
     * Keeps NOTIFY requests whose next hop is unreachable in an outbox in {@code store} and sends them on later;
     * call {@link #start()} once the CSE (its CSEBase) exists and {@link #close()} on shutdown.
     */
    public RemoteCseForwarder queueNotifications(ResourceStore store, java.time.Clock clock, MccOutbox.Settings settings) {
        notifications = new MccOutbox("notify-forward", config, store, clock, settings, this::resend);
        return this;
    }

    /** Starts sending queued notifications (no-op without {@link #queueNotifications}). */
    public void start() {
        MccOutbox outbox = notifications;
        if (outbox != null) {
            outbox.start();
        }
    }

    /** Notifications queued for an unreachable next hop. */
    public int queuedNotifications() {
        MccOutbox outbox = notifications;
        return outbox == null ? 0 : outbox.size();
    }

    @Override
    public void close() {
        MccOutbox outbox = notifications;
        if (outbox != null) {
            outbox.close();
        }
    }

    @Override
    public Response forward(Request request, Address target) {
        Response response = route(request, target);
        MccOutbox outbox = notifications;
        if (outbox != null && request.operation() == org.oneedge.model.Operation.NOTIFY && unreachable(response)
                && !debug(response).contains("forwarding loop")) {
            if (outbox.add(item(request))) {
                LOG.info("NOTIFY {} from {} rqi {} queued at {}: next hop unreachable ({})", request.to(),
                        request.from(), request.requestId(), config.cseId(), debug(response));
                return Response.of(ResponseStatusCode.ACCEPTED, org.oneedge.model.ContentCodec.object().put("m2m:dbg",
                        "next hop unreachable; the notification is queued at " + config.cseId()
                                + " and delivered when it is back"));
            }
        }
        return response;
    }

    private static boolean unreachable(Response r) {
        return r.statusCode() == ResponseStatusCode.TARGET_NOT_REACHABLE
                || r.statusCode() == ResponseStatusCode.REQUEST_TIMEOUT;
    }

    private static String debug(Response r) {
        return r.content() == null ? "" : r.content().path("m2m:dbg").asText();
    }

    /** The queued NOTIFY: the primitive parameters a notification carries. */
    private static com.fasterxml.jackson.databind.node.ObjectNode item(Request request) {
        var item = org.oneedge.model.ContentCodec.object();
        item.put("op", request.operation().code());
        item.put("to", request.to());
        item.put("fr", request.from());
        item.put("rqi", request.requestId());
        item.put("rvi", request.releaseVersion());
        if (request.content() != null) {
            item.set("pc", request.content());
        }
        return item;
    }

    private MccOutbox.Result resend(com.fasterxml.jackson.databind.JsonNode item) {
        Request request = Request.builder().operation(org.oneedge.model.Operation.NOTIFY)
                .to(item.path("to").asText()).from(item.path("fr").asText()).requestId(item.path("rqi").asText())
                .releaseVersion(item.path("rvi").asText("3")).content(item.get("pc")).build();
        Address target;
        try {
            target = Address.parse(request.to());
        } catch (IllegalArgumentException e) {
            return MccOutbox.Result.DONE;
        }
        Response r = route(request, target);
        if (unreachable(r) && !debug(r).contains("forwarding loop")) {
            return MccOutbox.Result.RETRY;
        }
        LOG.info("queued NOTIFY {} from {} rqi {} sent on: {}", request.to(), request.from(), request.requestId(),
                r.statusCode());
        return MccOutbox.Result.DONE;
    }

    private Response route(Request request, Address target) {
        if (target.scope() == Address.Scope.ABSOLUTE && !target.spId().equalsIgnoreCase(config.spId())) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "target '" + request.to()
                    + "' is in SP domain " + target.spId() + "; forwarding across SP domains is not supported");
        }
        String cseId = target.cseId();
        var route = routes.route(cseId);
        if (route.isEmpty()) {
            return Response.error(ResponseStatusCode.NOT_FOUND, "unknown CSE-ID " + cseId
                    + ": not registered here and no registrar (target '" + request.to() + "')");
        }
        Request forwarded = request.toBuilder().from(spRelativeOriginator(request.from())).build();
        String key = forwarded.from() + "|" + forwarded.requestId() + "|" + forwarded.operation() + "|"
                + forwarded.to();
        if (!inFlight.add(key)) {
            LOG.warn("forwarding loop detected at {}: {} {} from {} rqi {}", config.cseId(), request.operation(),
                    request.to(), forwarded.from(), request.requestId());
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "forwarding loop detected: request "
                    + request.requestId() + " to '" + request.to() + "' came back to " + config.cseId());
        }
        try {
            return send(forwarded, route.get().pointsOfAccess(), "CSE " + route.get().cseId() + " ("
                    + route.get().kind().name().toLowerCase() + " route to " + cseId + ")");
        } finally {
            inFlight.remove(key);
        }
    }

    @Override
    public Response deliver(Request request, Resource entity) {
        if (entity.type() != ResourceType.AE) {
            return Forwarder.super.deliver(request, entity);
        }
        if (!entity.attributes().path("rr").asBoolean(true)) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "AE " + entity.ri()
                    + " has rr=false and cannot receive requests directly");
        }
        List<String> poa = new java.util.ArrayList<>();
        entity.attributes().path("poa").forEach(url -> poa.add(url.asText()));
        for (String url : poa) {
            RemoteSender sender = senderFor(url);
            if (sender != null) {
                LOG.debug("NOTIFY {} from {} delivered to AE {} at {}", request.to(), request.from(), entity.ri(), url);
                return sender.send(url, request.toBuilder().to(url).build());
            }
        }
        return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE,
                "AE " + entity.ri() + " has no point of access this CSE can reach: " + poa);
    }

    /** TS-0001 7.2: the registrar makes an AE-ID-Stem {@code C…} SP-relative when a request leaves it. */
    String spRelativeOriginator(String from) {
        if (from != null && !from.isEmpty() && from.charAt(0) == 'C') {
            return config.cseId() + "/" + from;
        }
        return from;
    }

    private Response send(Request request, List<String> pointsOfAccess, String hop) {
        Response last = null;
        for (String url : pointsOfAccess) {
            RemoteSender sender = senderFor(url);
            if (sender == null) {
                continue;
            }
            Response response = sender.send(url, request);
            LOG.debug("forwarded {} {} from {} rqi {} to {} at {} -> {}", request.operation(), request.to(),
                    request.from(), request.requestId(), hop, url, response.statusCode());
            if (response.statusCode() != ResponseStatusCode.TARGET_NOT_REACHABLE
                    && response.statusCode() != ResponseStatusCode.REQUEST_TIMEOUT) {
                return response;
            }
            last = response;
        }
        if (last != null) {
            return last;
        }
        return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "cannot forward to " + hop
                + ": no sender for its points of access " + pointsOfAccess);
    }

    private RemoteSender senderFor(String url) {
        for (RemoteSender sender : senders) {
            if (sender.supports(url)) {
                return sender;
            }
        }
        return null;
    }
}
