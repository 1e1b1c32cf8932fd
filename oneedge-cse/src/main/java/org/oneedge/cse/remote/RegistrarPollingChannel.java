package org.oneedge.cse.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.PollingPrimitives;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registree side of a {@code <pollingChannel>} for a CSE registered with {@code rr=false} (TS-0004 7.4.21, 7.4.22,
 * 7.5.1.2.7, digest §8.3): the CSE creates one {@code <pollingChannel>} under its {@code <remoteCSE>} at the
 * registrar, long-polls its {@code pcu}, lets its own engine process each request it receives (the originator stays
 * the original one, so its own ACPs decide) and answers with a NOTIFY to {@code pcu} carrying
 * {@code {"m2m:rsp":{rqi,rsc,pc}}}, which the registrar passes back to the waiting requester.
 *
 * <pre>
 *  loop: RETRIEVE &lt;csr&gt;/pch/pcu (rqet = poll duration) ── 4008 ──► poll again
 *            └ 2000 {"m2m:rqp":…} ─► local engine ─► NOTIFY pcu {"m2m:rsp":…} ─► poll again
 *        anything else (registrar down, channel gone) ─► pause one retry interval, channel checked again
 * </pre>
 * Exactly once, as the SDK's {@code PollingChannelClient}: one poll at a time, every request answered before the
 * next poll, and the last {@value #REMEMBERED} answered {@code rqi}s remembered so a request that comes again (its
 * answer was lost) gets the same answer without being processed twice.
 */
final class RegistrarPollingChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrarPollingChannel.class);
    private static final int REMEMBERED = 1024;
    /** The {@code rn} of the channel under this CSE's {@code <remoteCSE>} at the registrar. */
    static final String NAME = "pch";

    private final String csrAddress;
    private final String pcu;
    private final UnaryOperator<Request> toRegistrar;
    private final java.util.function.Function<Request, Response> send;
    private final CseClient localCse;
    private final Duration pollDuration;
    private final Duration pauseOnFailure;
    private final Runnable lost;
    private final Map<String, Response> answered = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Response> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile boolean channelReady;
    private volatile boolean running;
    private volatile Thread worker;

    /**
     * @param csrAddress   this CSE's {@code <remoteCSE>} at the registrar, e.g. {@code /id-in/id-mn1}
     * @param toRegistrar  completes a request builder's result with this CSE's originator and a fresh {@code rqi}
     * @param send         sends a request to the registrar and returns its answer (5103 when it cannot be reached)
     * @param localCse     this CSE's engine, which processes the polled requests
     * @param lost         called when the channel is gone at the registrar, to check the registration at once
     */
    RegistrarPollingChannel(String csrAddress, UnaryOperator<Request> toRegistrar,
                            java.util.function.Function<Request, Response> send, CseClient localCse,
                            Duration pollDuration, Duration pauseOnFailure, Runnable lost) {
        this.csrAddress = csrAddress;
        this.pcu = csrAddress + "/" + NAME + "/pcu";
        this.toRegistrar = toRegistrar;
        this.send = send;
        this.localCse = localCse;
        this.pollDuration = pollDuration;
        this.pauseOnFailure = pauseOnFailure;
        this.lost = lost;
    }

    /**
     * Makes sure the channel exists at the registrar (RETRIEVE, else CREATE) and starts polling it.
     *
     * @return null when the channel is there, else what went wrong
     */
    synchronized Response ensure() {
        if (!channelReady) {
            Response existing = send.apply(toRegistrar.apply(Request.builder().operation(Operation.RETRIEVE)
                    .to(csrAddress + "/" + NAME).build()));
            if (existing.statusCode() != ResponseStatusCode.OK) {
                ObjectNode pch = ContentCodec.object();
                pch.putObject(ResourceType.POLLING_CHANNEL.rootKey()).put("rn", NAME);
                Response created = send.apply(toRegistrar.apply(Request.builder().operation(Operation.CREATE)
                        .to(csrAddress).resourceType(ResourceType.POLLING_CHANNEL).content(pch).build()));
                if (created.statusCode() != ResponseStatusCode.CREATED) {
                    return created;
                }
                LOG.info("pollingChannel {}/{} created at the registrar (rr=false)", csrAddress, NAME);
            }
            channelReady = true;
        }
        if (!running) {
            running = true;
            worker = Thread.ofVirtual().name("registrar-poll-" + csrAddress).start(this::run);
        }
        return null;
    }

    private void run() {
        while (running) {
            boolean ok;
            try {
                ok = pollOnce();
            } catch (RuntimeException e) {
                LOG.warn("polling {} failed: {}", pcu, e.toString());
                ok = false;
            }
            if (!ok && running) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pauseOnFailure.toMillis()));
            }
        }
    }

    /** One long poll and, when a request came, its processing and answer; false when the poll failed. */
    boolean pollOnce() {
        Response polled = send.apply(toRegistrar.apply(Request.builder().operation(Operation.RETRIEVE).to(pcu)
                .requestExpirationTimestamp(Long.toString(pollDuration.toMillis())).build()));
        if (polled.statusCode() == ResponseStatusCode.REQUEST_TIMEOUT) {
            return true;
        }
        JsonNode rqp = polled.content() == null ? null : polled.content().get("m2m:rqp");
        if (polled.statusCode() != ResponseStatusCode.OK || rqp == null || !rqp.isObject()) {
            if (polled.statusCode() == ResponseStatusCode.NOT_FOUND) {
                channelReady = false; // the registrar lost it (e.g. restarted without its data): register again now
                lost.run();
            }
            LOG.debug("poll of {} failed: {}", pcu, polled.statusCode());
            return false;
        }
        Request request = PollingPrimitives.request(rqp);
        Response response = answered.get(request.requestId());
        if (response == null) {
            try {
                response = localCse.send(request);
            } catch (RuntimeException e) {
                response = Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "the CSE failed: " + e);
            }
            answered.put(request.requestId(), response);
            LOG.debug("polled {} {} from {} rqi {} -> {}", request.operation(), request.to(), request.from(),
                    request.requestId(), response.statusCode());
        }
        ObjectNode rsp = PollingPrimitives.responsePrimitive(request.requestId(), response);
        send.apply(toRegistrar.apply(Request.builder().operation(Operation.NOTIFY).to(pcu).content(rsp).build()));
        return true;
    }

    @Override
    public void close() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(pollDuration.plusSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
