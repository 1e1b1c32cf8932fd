package org.oneedge.cse.timeseries;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.event.ResourceEventListener;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.TimestampCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices periods without a {@code <timeSeriesInstance>} (TS-0004 7.4.34 missing data detection): for every
 * timeSeries with {@code mdd=true} and a {@code pei}, once the first instance arrived, the next one is expected at
 * {@code dgt + pei}; if none with {@code dgt >= expected - peid} has arrived when {@code expected + peid + mdt} passes
 * (on the CSE's clock), {@code expected} is a missing data point. {@code mdt} (missingDataDetectTimer, digest §1.5,
 * milliseconds, default 0) is how much longer the CSE waits for a point generated in time but still on its way. It is recorded in the {@link MissingDataLog} and an
 * empty UPDATE is sent as the admin originator, so the {@link TimeSeriesHandler} writes it into {@code mdlt} under the
 * engine's lock and subscriptions hear of it (net 8). Detection then continues one period later.
 *
 * <pre>
 *  tsi Created ─► expected = dgt + pei ─► timer(expected + peid + mdt) ─ no newer dgt ─► log + UPDATE ─► mdlt/mdc ─► net 8
 * </pre>
 */
public final class MissingDataDetector implements ResourceEventListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MissingDataDetector.class);

    /** The detection state of one timeSeries. */
    private static final class Watch {
        final String ri;
        Duration period;
        Duration tolerance;
        Duration detectTimer = Duration.ZERO;
        Instant latestDgt;
        Instant expected;
        ScheduledFuture<?> timer;

        Watch(String ri) {
            this.ri = ri;
        }
    }

    private final ResourceStore store;
    private final CseClient cse;
    private final Clock clock;
    private final MissingDataLog log;
    private final String adminOriginator;
    private final String releaseVersion;
    private final String cseBasePath;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile ScheduledExecutorService timers;

    /** @param releaseVersion the {@code rvi} of the CSE's own UPDATE requests; one the CSE accepts */
    public MissingDataDetector(ResourceStore store, CseClient cse, Clock clock, MissingDataLog log,
                               String adminOriginator, String cseBasePath, String releaseVersion) {
        this.releaseVersion = releaseVersion;
        this.store = store;
        this.cse = cse;
        this.clock = clock;
        this.log = log;
        this.adminOriginator = adminOriginator;
        this.cseBasePath = cseBasePath;
    }

    /** Starts the timers and watches the timeSeries already stored. */
    public synchronized void start() {
        if (timers != null) {
            return;
        }
        timers = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("ts-missing-data").factory());
        for (Resource series : store.descendants(cseBasePath, 0, Set.of(ResourceType.TIME_SERIES))) {
            configure(series);
            store.latestChild(series.ri(), ResourceType.TIME_SERIES_INSTANCE).ifPresent(this::received);
        }
    }

    public synchronized void stop() {
        if (timers != null) {
            timers.shutdownNow();
            timers = null;
        }
        watches.clear();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public void onEvent(ResourceEvent event) {
        switch (event) {
            case ResourceEvent.Created c when c.resource().type() == ResourceType.TIME_SERIES -> configure(c.resource());
            case ResourceEvent.Created c when c.resource().type() == ResourceType.TIME_SERIES_INSTANCE ->
                    received(c.resource());
            case ResourceEvent.Updated u when u.after().type() == ResourceType.TIME_SERIES -> configure(u.after());
            case ResourceEvent.Deleted d -> {
                List<Resource> gone = new ArrayList<>(d.removedDescendants());
                gone.add(d.resource());
                for (Resource r : gone) {
                    if (r.type() == ResourceType.TIME_SERIES) {
                        unwatch(r.ri());
                    }
                }
            }
            default -> {
            }
        }
    }

    private void configure(Resource series) {
        JsonNode a = series.attributes();
        if (!a.path("mdd").asBoolean(false) || !a.hasNonNull("pei")) {
            unwatch(series.ri());
            return;
        }
        Watch watch = watches.computeIfAbsent(series.ri(), Watch::new);
        synchronized (watch) {
            watch.period = Duration.ofMillis(a.get("pei").asLong());
            watch.tolerance = Duration.ofMillis(a.path("peid").asLong(0));
            Duration timer = Duration.ofMillis(a.path("mdt").asLong(0));
            boolean changed = !timer.equals(watch.detectTimer);
            watch.detectTimer = timer;
            if (changed && watch.expected != null) {
                schedule(watch); // a changed mdt moves the pending deadline
            }
        }
    }

    private void unwatch(String ri) {
        Watch watch = watches.remove(ri);
        if (watch != null) {
            synchronized (watch) {
                if (watch.timer != null) {
                    watch.timer.cancel(false);
                }
            }
        }
        log.forget(ri);
    }

    private void received(Resource instance) {
        Watch watch = watches.get(instance.pi());
        JsonNode dgt = instance.attributes().get("dgt");
        if (watch == null || dgt == null || !TimestampCodec.isValid(dgt.asText())) {
            return;
        }
        Instant generated = TimestampCodec.parse(dgt.asText());
        synchronized (watch) {
            if (watch.latestDgt != null && !generated.isAfter(watch.latestDgt)) {
                return; // a late point for an earlier period
            }
            watch.latestDgt = generated;
            watch.expected = generated.plus(watch.period);
            schedule(watch);
        }
    }

    /** Caller holds the watch's lock. */
    private void schedule(Watch watch) {
        ScheduledExecutorService running = timers;
        if (running == null) {
            return;
        }
        if (watch.timer != null) {
            watch.timer.cancel(false);
        }
        Instant deadline = watch.expected.plus(watch.tolerance).plus(watch.detectTimer);
        long delay = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
        Instant expected = watch.expected;
        watch.timer = running.schedule(() -> check(watch, expected), delay, TimeUnit.MILLISECONDS);
    }

    private void check(Watch watch, Instant expected) {
        synchronized (watch) {
            if (watches.get(watch.ri) != watch || !expected.equals(watch.expected)) {
                return; // data arrived, or the series went
            }
            log.record(watch.ri, expected);
            watch.expected = expected.plus(watch.period);
            schedule(watch);
        }
        LOG.debug("timeSeries {}: data point expected at {} is missing", watch.ri, expected);
        Request update = Request.builder().operation(Operation.UPDATE).to(watch.ri).from(adminOriginator)
                .releaseVersion(releaseVersion).requestId("mdd-" + requestIds.incrementAndGet())
                .content(ContentCodec.parse("{\"m2m:ts\":{}}")).build();
        Response answer = cse.send(update);
        if (!answer.isSuccess()) {
            LOG.debug("timeSeries {}: recording a missing data point failed: {}", watch.ri, answer.statusCode());
        }
    }
}
