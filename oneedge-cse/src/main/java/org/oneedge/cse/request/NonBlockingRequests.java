package org.oneedge.cse.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.remote.MccOutbox;
import org.oneedge.cse.resource.LocalResolver;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Write;
import org.oneedge.cse.subscription.NotificationTarget;
import org.oneedge.cse.subscription.NotificationTargetResolver;
import org.oneedge.model.Address;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-blocking requests (TS-0001 8.2.2, TS-0004 7.4.12, digest §8.4). Takes requests with {@code rt} 1
 * (nonBlockingRequestSynch) or 2 (nonBlockingRequestAsynch) before the engine does: records a {@code <request>}
 * below the CSEBase ({@code rs}=PENDING, {@code cr} = the originator, {@code et} = {@code rset}), answers 1001 or
 * 1002 with {@code {"m2m:uri":"<request ri>"}}, and executes the request in the background as a blocking one, at
 * {@code oet} if given. The outcome lands in {@code rs}/{@code ors}; for {@code rt=2} it is also sent as a NOTIFY
 * {@code {"m2m:rsp":…}} to each {@code rt/nu} target (the originator when none is given),
 * through the polling channel for entities that cannot be reached. A {@code rqet} already past → 4008 at once; one
 * that passes before execution → FAILED with {@code ors/rsc} 4008.
 *
 * <pre>
 *  Cse.send ─rt 1/2─► NonBlockingRequests ─► <request> PENDING ─► 1001/1002
 *                         └─ at oet ─► Cse.send(blocking) ─► <request> COMPLETED/FAILED (+ ors) ─► [NOTIFY m2m:rsp]
 *                                        └ to another CSE, next hop unreachable (5103/5107) ─► MccOutbox "nonblocking"
 *                                          (persisted, bounded; the <request> stays PENDING) ─► sent again when the
 *                                          link is back ─► COMPLETED/FAILED (+ ors) ─► [NOTIFY m2m:rsp]
 * </pre>
 * Link loss (digest §8.5 CMDH: a CSE may buffer what it forwards over Mcc): the originator of a non-blocking request
 * does not wait, so a forwarded one whose next hop cannot be reached waits in this CSE's outbox instead of failing;
 * it fails (5103, {@code ors}) only when the outbox is full, and with 4008 when its {@code rqet} passes while it
 * waits. Blocking requests are not queued: their originator waits, so they get the 5103 at once.
 */
public final class NonBlockingRequests implements Function<Request, Response>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NonBlockingRequests.class);
    private static final int NON_BLOCKING_SYNCH = 1;
    private static final int NON_BLOCKING_ASYNCH = 2;

    private final CseConfig config;
    private final ResourceStore store;
    private final CseClient cse;
    private final Clock clock;
    private final List<RemoteSender> senders;
    private final NonBlockingSettings settings;
    private final NotificationTargetResolver targets;
    private final LocalResolver local;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong notifyIds = new AtomicLong();
    private volatile ScheduledExecutorService timers;
    private volatile ExecutorService workers;
    /** Runs the requests for one remote CSE in the order accepted, on {@link #workers}. */
    private volatile SerialLanes lanes;
    private final MccOutbox linkLoss;

    public NonBlockingRequests(CseConfig config, ResourceStore store, CseClient cse, Clock clock,
                               List<RemoteSender> senders, NonBlockingSettings settings) {
        this.config = config;
        this.store = store;
        this.cse = cse;
        this.clock = clock;
        this.senders = List.copyOf(senders);
        this.settings = settings;
        this.targets = new NotificationTargetResolver(store, config.cseId(), config.spId(),
                url -> this.senders.stream().anyMatch(s -> s.supports(url)));
        this.local = new LocalResolver(store, config);
        this.linkLoss = new MccOutbox("nonblocking", config, store, clock, settings.linkLossQueue(), this::resend);
    }

    public synchronized void start() {
        if (timers == null) {
            timers = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("nonblocking-timer").factory());
            workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("nonblocking-", 0).factory());
            lanes = new SerialLanes(workers);
            linkLoss.start();
        }
    }

    /** Forwarded non-blocking requests waiting for their next hop to come back. */
    public int waitingForLink() {
        return linkLoss.size();
    }

    public synchronized void stop() {
        linkLoss.close();
        if (timers != null) {
            timers.shutdownNow();
            workers.shutdownNow();
            timers = null;
            workers = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The answer to a non-blocking request, or null when the request is for the engine as it is. */
    @Override
    public Response apply(Request request) {
        Integer rt = request.responseType();
        if (rt == null || (rt != NON_BLOCKING_SYNCH && rt != NON_BLOCKING_ASYNCH)) {
            return null;
        }
        if (request.from() == null || request.from().isBlank() || request.releaseVersion() == null
                || !config.supportedReleaseVersions().contains(request.releaseVersion())) {
            return null; // the engine answers these with the right error
        }
        Instant now = clock.instant();
        Instant rqet = time(request.requestExpirationTimestamp(), now, "rqet");
        Instant rset = time(request.resultExpirationTimestamp(), now, "rset");
        Instant oet = time(request.operationExecutionTime(), now, "oet");
        if (rqet != null && !rqet.isAfter(now)) {
            throw new OneM2MException(ResponseStatusCode.REQUEST_TIMEOUT,
                    "the request expired (rqet " + request.requestExpirationTimestamp() + ") before it was accepted");
        }
        if (rset != null && !rset.isAfter(now)) {
            throw new OneM2MException(ResponseStatusCode.REQUEST_TIMEOUT,
                    "the result would expire (rset " + request.resultExpirationTimestamp() + ") before it exists");
        }
        Optional<Resource> target = local.find(request.to());
        if (target.isPresent() && target.get().type() == ResourceType.REQUEST) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "a <request> resource is read and deleted with blocking requests only, not with rt=" + rt);
        }
        ScheduledExecutorService running = timers;
        if (running == null) {
            throw new OneM2MException(ResponseStatusCode.NON_BLOCKING_SYNCH_REQUEST_NOT_SUPPORTED,
                    "non-blocking requests are not being accepted (the CSE is stopping)");
        }
        if (pending.incrementAndGet() > settings.maxPending()) {
            pending.decrementAndGet();
            throw new OneM2MException(ResponseStatusCode.INTERNAL_SERVER_ERROR,
                    settings.maxPending() + " non-blocking requests are already waiting; try again later");
        }
        Resource record = record(request, now, rset);
        store.apply(new Write.Create(record));
        Instant runAt = oet != null && oet.isAfter(now) ? oet : now;
        Instant wakeAt = rqet != null && rqet.isBefore(runAt) ? rqet : runAt;
        boolean expiresFirst = rqet != null && rqet.isBefore(runAt);
        long delay = Math.max(0, Duration.between(clock.instant(), wakeAt).toMillis() + 1);
        try {
            Runnable run = () -> execute(request, record.ri(), rqet, expiresFirst);
            Optional<String> hop = remoteCse(request);
            running.schedule(() -> {
                if (hop.isPresent()) {
                    lanes.execute(hop.get(), run); // in the order accepted, also into the link-loss queue
                } else {
                    workers.execute(run);
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            store.apply(new Write.Delete(record.ri()));
            throw new OneM2MException(ResponseStatusCode.NON_BLOCKING_SYNCH_REQUEST_NOT_SUPPORTED,
                    "non-blocking requests are not being accepted (the CSE is stopping)");
        }
        LOG.debug("non-blocking {} {} from {} rqi {} accepted as <request> {} (runs in {} ms)", request.operation(),
                request.to(), request.from(), request.requestId(), record.ri(), delay);
        ObjectNode uri = ContentCodec.object();
        uri.put("m2m:uri", record.ri());
        return Response.of(rt == NON_BLOCKING_SYNCH ? ResponseStatusCode.ACCEPTED_NON_BLOCKING_SYNCH
                : ResponseStatusCode.ACCEPTED_NON_BLOCKING_ASYNCH, uri);
    }

    private Resource record(Request request, Instant now, Instant rset) {
        Resource cseBase = store.get(config.cseIdWithoutSlash()).orElseThrow();
        String ri = freshRi();
        String rn = "req_" + ri.substring(3);
        Instant et = rset != null ? TimestampCodec.truncate(rset) : now.plus(settings.resultPersistence());
        ObjectNode a = ContentCodec.object();
        String ct = TimestampCodec.format(now);
        a.put("ty", ResourceType.REQUEST.ty());
        a.put("ri", ri);
        a.put("rn", rn);
        a.put("pi", cseBase.ri());
        a.put("ct", ct);
        a.put("lt", ct);
        a.put("et", TimestampCodec.format(et));
        a.put("cr", request.from());
        a.put("st", 0);
        a.put("op", request.operation().code());
        a.put("tg", request.to());
        a.put("org", request.from());
        a.put("rid", request.requestId());
        ObjectNode mi = a.putObject("mi");
        if (request.resourceType() != null) {
            mi.put("ty", request.resourceType());
        }
        mi.put("rt", request.responseType());
        putIfSet(mi, "rqet", request.requestExpirationTimestamp());
        putIfSet(mi, "rset", request.resultExpirationTimestamp());
        putIfSet(mi, "oet", request.operationExecutionTime());
        putIfSet(mi, "ot", request.originatingTimestamp());
        if (request.resultContent() != null) {
            mi.put("rcn", request.resultContent());
        }
        if (request.content() != null) {
            a.set("pc", request.content());
        }
        a.put("rs", RequestStatus.PENDING.code());
        return new Resource(ri, cseBase.ri(), ResourceType.REQUEST, rn, cseBase.path() + "/" + rn, now, now, et, a);
    }

    /** @param expiresFirst true when woken at {@code rqet}, which comes before {@code oet} */
    private void execute(Request request, String requestRi, Instant rqet, boolean expiresFirst) {
        pending.decrementAndGet();
        Response response;
        if (expiresFirst || (rqet != null && !rqet.isAfter(clock.instant()))) {
            response = Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "the request expired (rqet "
                    + request.requestExpirationTimestamp() + ") before it could be executed");
        } else {
            response = cse.send(request.toBuilder().responseType(null).responseTargets(null)
                    .operationExecutionTime(null).build());
            if (nextHopUnreachable(request, response)) {
                if (linkLoss.add(queued(request, requestRi, rqet))) {
                    LOG.info("non-blocking {} {} rqi {} (<request> {}) waits for its next hop: {}",
                            request.operation(), request.to(), request.requestId(), requestRi, debug(response));
                    return;
                }
                response = Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "the next hop toward '"
                        + request.to() + "' is unreachable and the queue of requests waiting for it is full ("
                        + debug(response) + ")");
            }
        }
        finish(request, requestRi, response);
    }

    private void finish(Request request, String requestRi, Response response) {
        RequestStatus status = response.isSuccess() ? RequestStatus.COMPLETED : RequestStatus.FAILED;
        ObjectNode rsp = responsePrimitive(request, response);
        complete(requestRi, status, rsp);
        LOG.debug("non-blocking {} {} rqi {} ended {} {}", request.operation(), request.to(), request.requestId(),
                status, response.statusCode().code());
        if (request.responseType() == NON_BLOCKING_ASYNCH) {
            notifyResult(request, rsp);
        }
    }

    /**
     * A request for another CSE that could not leave because its next hop is down (5103/5107 from the forwarder; a
     * forwarding loop is not a link loss).
     */
    private boolean nextHopUnreachable(Request request, Response response) {
        if (response.statusCode() != ResponseStatusCode.TARGET_NOT_REACHABLE
                && response.statusCode() != ResponseStatusCode.REMOTE_ENTITY_NOT_REACHABLE
                || debug(response).contains("forwarding loop")) {
            return false;
        }
        return remoteCse(request).isPresent();
    }

    /** The CSE-ID of the other CSE the request is addressed to, or empty when it is for this CSE. */
    private Optional<String> remoteCse(Request request) {
        try {
            Address target = Address.parse(request.to());
            boolean here = target.scope() == Address.Scope.CSE_RELATIVE || config.cseId().equals(target.cseId())
                    && (target.scope() == Address.Scope.SP_RELATIVE || config.spId().equals(target.spId()));
            return here ? Optional.empty() : Optional.of(String.valueOf(target.cseId()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The outbox item: the {@code <request>} it belongs to and the request primitive (digest §2.1 short names). */
    private static ObjectNode queued(Request request, String requestRi, Instant rqet) {
        ObjectNode item = ContentCodec.object();
        item.put("request", requestRi);
        item.put("op", request.operation().code());
        item.put("to", request.to());
        item.put("fr", request.from());
        item.put("rqi", request.requestId());
        putIfSet(item, "rvi", request.releaseVersion());
        if (request.resourceType() != null) {
            item.put("ty", request.resourceType());
        }
        if (request.content() != null) {
            item.set("pc", request.content());
        }
        item.put("rt", request.responseType());
        ArrayNode nu = item.putArray("nu");
        request.responseTargets().forEach(nu::add);
        if (rqet != null) {
            item.put("rqet", TimestampCodec.format(rqet)); // absolute: the wait must not restart a relative one
        }
        if (request.resultContent() != null) {
            item.put("rcn", request.resultContent());
        }
        return item;
    }

    /** Sends a request that waited for its next hop; RETRY while the hop is still down. */
    private MccOutbox.Result resend(JsonNode item) {
        String requestRi = item.path("request").asText();
        if (store.get(requestRi).isEmpty()) {
            return MccOutbox.Result.DONE; // the originator deleted the <request>, or it expired: nobody waits
        }
        Request.Builder b = Request.builder().operation(Operation.of(item.path("op").asInt()))
                .to(item.path("to").asText()).from(item.path("fr").asText()).requestId(item.path("rqi").asText())
                .releaseVersion(item.path("rvi").asText("3")).content(item.get("pc"))
                .responseType(item.path("rt").asInt(NON_BLOCKING_SYNCH));
        if (item.hasNonNull("ty")) {
            b.resourceType(item.get("ty").asInt());
        }
        if (item.hasNonNull("rqet")) {
            b.requestExpirationTimestamp(item.get("rqet").asText());
        }
        if (item.hasNonNull("rcn")) {
            b.resultContent(item.get("rcn").asInt());
        }
        List<String> nu = new java.util.ArrayList<>();
        item.path("nu").forEach(n -> nu.add(n.asText()));
        b.responseTargets(nu);
        Request request = b.build();
        Response response;
        Instant rqet = request.requestExpirationTimestamp() == null ? null
                : TimestampCodec.isValid(request.requestExpirationTimestamp())
                ? TimestampCodec.parse(request.requestExpirationTimestamp()) : null;
        if (rqet != null && !rqet.isAfter(clock.instant())) {
            response = Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "the request expired (rqet "
                    + request.requestExpirationTimestamp() + ") while its next hop was unreachable");
        } else {
            response = cse.send(request.toBuilder().responseType(null).responseTargets(null).build());
            if (nextHopUnreachable(request, response)) {
                return MccOutbox.Result.RETRY;
            }
        }
        LOG.info("non-blocking {} {} rqi {} (<request> {}) sent after the link came back: {}", request.operation(),
                request.to(), request.requestId(), requestRi, response.statusCode().code());
        finish(request, requestRi, response);
        return MccOutbox.Result.DONE;
    }

    private static String debug(Response r) {
        return r.content() == null ? String.valueOf(r.statusCode()) : r.content().path("m2m:dbg").asText();
    }

    private ObjectNode responsePrimitive(Request request, Response response) {
        ObjectNode rsp = ContentCodec.object();
        rsp.put("rsc", response.statusCode().code());
        rsp.put("rqi", request.requestId());
        if (response.content() != null) {
            rsp.set("pc", response.content());
        }
        rsp.put("to", request.from());
        rsp.put("fr", config.cseId());
        rsp.put("ot", TimestampCodec.format(clock.instant()));
        if (request.releaseVersion() != null) {
            rsp.put("rvi", request.releaseVersion());
        }
        return rsp;
    }

    private void complete(String requestRi, RequestStatus status, ObjectNode ors) {
        Optional<Resource> current = store.get(requestRi);
        if (current.isEmpty()) {
            return; // the originator deleted it meanwhile
        }
        Resource r = current.get();
        Instant now = clock.instant();
        ObjectNode a = r.attributes().deepCopy();
        a.put("rs", status.code());
        a.set("ors", ors);
        a.put("st", a.path("st").asLong() + 1);
        a.put("lt", TimestampCodec.format(now));
        try {
            store.apply(new Write.Update(new Resource(r.ri(), r.pi(), r.type(), r.rn(), r.path(), r.createdAt(), now,
                    r.expiresAt(), a)));
        } catch (RuntimeException e) {
            LOG.debug("<request> {} went before its result was stored: {}", requestRi, e.toString());
        }
    }

    /** NOTIFY {@code {"m2m:rsp":…}} to {@code rt/nu}, or to the originator when none is given (digest §6.6, §8.4). */
    private void notifyResult(Request request, ObjectNode rsp) {
        // the Request model cannot tell an absent rt/nu from an empty one, so "no targets" means the originator
        List<String> nu = request.responseTargets().isEmpty() ? List.of(request.from()) : request.responseTargets();
        ObjectNode content = ContentCodec.object();
        content.set("m2m:rsp", rsp);
        for (String entry : nu) {
            NotificationTarget target = targets.resolve(entry);
            if (target instanceof NotificationTarget.Reachable r) {
                Request notify = Request.builder().operation(Operation.NOTIFY).to(r.to()).from(config.cseId())
                        .requestId("nbr-" + notifyIds.incrementAndGet()).releaseVersion(
                                request.releaseVersion() != null ? request.releaseVersion() : "3")
                        .content(content).build();
                RemoteSender sender = senders.stream().filter(s -> s.supports(r.url())).findFirst().orElseThrow();
                try {
                    Response answer = sender.send(r.url(), notify);
                    LOG.debug("result of rqi {} sent to {}: {}", request.requestId(), entry,
                            answer == null ? "no answer" : answer.statusCode().code());
                } catch (RuntimeException e) {
                    LOG.info("result of rqi {} could not be sent to {}: {}", request.requestId(), entry, e.toString());
                }
            } else if (target instanceof NotificationTarget.Unreachable u) {
                LOG.info("result of rqi {} not sent to {}: {}", request.requestId(), entry, u.reason());
            }
        }
    }

    private String freshRi() {
        while (true) {
            String ri = "req" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L);
            if (store.get(ri).isEmpty()) {
                return ri;
            }
        }
    }

    /** An {@code m2m:absRelTimestamp}: a timestamp, or milliseconds from now; null when absent. */
    private static Instant time(String value, Instant now, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return now.plusMillis(Long.parseLong(value));
        }
        if (value.startsWith("-") && value.length() > 1 && value.substring(1).chars().allMatch(Character::isDigit)) {
            return now.minusMillis(Long.parseLong(value.substring(1)));
        }
        if (TimestampCodec.isValid(value)) {
            return TimestampCodec.parse(value);
        }
        throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                name + " '" + value + "' is neither a timestamp nor relative milliseconds");
    }

    private static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
