package org.oneedge.cse.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.ResourceType;
import org.oneedge.model.TimestampCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work a CSE must still send to other CSEs over Mcc (announcements now), kept in order and in the CSE's own
 * store so that an unreachable registrar (link loss, TS-0001 10.2.13 "re-announce when reachable") or a restart of
 * this CSE loses nothing. Each item is a {@code <request>} resource below the CSEBase (rn
 * {@value #NAME_PREFIX}&lt;name&gt;-&lt;sequence&gt;, {@code rs}=3 PENDING, the item in {@code pc}); one worker sends the oldest
 * first and removes it once it is done.
 *
 * <pre>
 *  add(item) ─► store &lt;request&gt; outbox-announcement-000000000042 ─► wake worker
 *  worker: head ─► sender(item) ── DONE ──► delete &lt;request&gt;, next
 *                               └─ RETRY (next hop unreachable) ─► wait retryInterval (doubling to max) or wake()
 * </pre>
 *
 * Bounded: beyond {@code capacity} items a new item is refused (logged; the caller decides). Not a general
 * guarantee of exactly-once: an item whose answer was lost is sent again after a restart, so items must be
 * idempotent or tolerate "already exists"/"not found" answers.
 */
public final class MccOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MccOutbox.class);

    /** The rn prefix of the {@code <request>} resources holding outbox items. */
    public static final String NAME_PREFIX = "outbox-";

    /** What the sender made of one item. */
    public enum Result { DONE, RETRY }

    /**
     * How the outbox behaves.
     *
     * @param capacity         most items kept; default 10000
     * @param retryInterval    first pause after a RETRY, doubled up to {@code maxRetryInterval}; default 500 ms
     * @param maxRetryInterval longest pause between attempts; default 5 s
     * @param retention        {@code et} of the stored items (then they are dropped); default 7 days
     */
    public record Settings(int capacity, Duration retryInterval, Duration maxRetryInterval, Duration retention) {
        public Settings {
            if (capacity < 1 || retryInterval.isNegative() || retryInterval.isZero()
                    || maxRetryInterval.compareTo(retryInterval) < 0 || retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("capacity >= 1, positive intervals, max >= retry, positive retention");
            }
        }

        public static Settings defaults() {
            return new Settings(10_000, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofDays(7));
        }

        public Settings withCapacity(int value) {
            return new Settings(value, retryInterval, maxRetryInterval, retention);
        }

        public Settings withMaxRetryInterval(Duration value) {
            return new Settings(capacity, retryInterval, value, retention);
        }

        public Settings withRetryInterval(Duration value) {
            return new Settings(capacity, value, maxRetryInterval.compareTo(value) < 0 ? value : maxRetryInterval,
                    retention);
        }
    }

    private record Entry(String ri, long seq, JsonNode item) {}

    private final String name;
    private final CseConfig config;
    private final ResourceStore store;
    private final Clock clock;
    private final Settings settings;
    private final Function<JsonNode, Result> sender;
    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicLong sequence = new AtomicLong();
    private final Object lock = new Object();
    private volatile BooleanSupplier linkUp = () -> true;
    private volatile boolean running;
    private volatile Thread worker;
    private int size;

    /**
     * @param name   what the outbox carries, for log lines (e.g. "announcement")
     * @param sender sends one item; answers RETRY when the next hop cannot be reached, DONE otherwise (also for
     *               refusals, which it logs itself)
     */
    public MccOutbox(String name, CseConfig config, ResourceStore store, Clock clock, Settings settings,
                     Function<JsonNode, Result> sender) {
        this.name = name;
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.sender = sender;
    }

    /** Items wait while this says the link is down (e.g. the registrar is not REGISTERED); default: always up. */
    public void linkUp(BooleanSupplier value) {
        linkUp = value;
        wake();
    }

    /** Loads what an earlier run left and starts sending. */
    public synchronized void start() {
        if (running) {
            return;
        }
        List<Entry> left = stored();
        long last = left.isEmpty() ? 0 : left.getLast().seq();
        sequence.set(last);
        synchronized (lock) {
            size = left.size();
        }
        running = true;
        worker = Thread.ofVirtual().name(name + "-outbox-" + config.cseIdWithoutSlash()).start(this::run);
        if (!left.isEmpty()) {
            LOG.info("CSE {} {} outbox resumes with {} pending items", config.cseId(), name, left.size());
        }
    }

    /**
     * Queues an item (persisted before this returns).
     *
     * @return false when the outbox is full and the item was dropped
     */
    public boolean add(JsonNode item) {
        synchronized (lock) {
            if (size >= settings.capacity()) {
                LOG.warn("CSE {} {} outbox is full ({} items): item dropped: {}", config.cseId(), name, size, item);
                return false;
            }
            long seq = sequence.incrementAndGet();
            store.apply(new Write.Create(record(seq, item)));
            size++;
        }
        wake();
        return true;
    }

    /** Items waiting to be sent. */
    public int size() {
        synchronized (lock) {
            return size;
        }
    }

    /** Tries the head item now instead of after the pause. */
    public void wake() {
        wakeups.release();
    }

    @Override
    public synchronized void close() {
        running = false;
        Thread t = worker;
        worker = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration pause = settings.retryInterval();
        while (running) {
            // the store is read only when something waits: an idle wake-up costs no listing of the CSEBase's children
            List<Entry> pending = size() > 0 && linkUp.getAsBoolean() ? stored() : List.of();
            boolean blocked = !linkUp.getAsBoolean() && size() > 0;
            for (Entry entry : pending) {
                if (!running) {
                    return;
                }
                Result result;
                try {
                    result = sender.apply(entry.item());
                } catch (RuntimeException e) {
                    if (!running) {
                        return; // stopped mid-send (the interrupt broke it): the item stays for the next start
                    }
                    LOG.warn("CSE {} {} outbox item {} failed and is dropped: {}", config.cseId(), name, entry.seq(),
                            e.toString());
                    result = Result.DONE;
                }
                if (!running) {
                    return; // closing: an answer seen while stopping may be the interrupt's; the item stays
                }
                if (result == Result.RETRY) {
                    blocked = true;
                    break;
                }
                remove(entry);
                pause = settings.retryInterval();
            }
            try {
                if (blocked) {
                    wakeups.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
                    pause = pause.multipliedBy(2).compareTo(settings.maxRetryInterval()) > 0
                            ? settings.maxRetryInterval() : pause.multipliedBy(2);
                } else {
                    wakeups.acquire();
                }
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void remove(Entry entry) {
        synchronized (lock) {
            store.apply(new Write.Delete(entry.ri()));
            size--;
        }
    }

    /** The stored items, oldest first. */
    private List<Entry> stored() {
        List<Entry> entries = new ArrayList<>();
        for (Resource r : store.children(config.cseIdWithoutSlash(), ResourceType.REQUEST, 0, Integer.MAX_VALUE)) {
            if (r.rn().startsWith(prefix()) && r.attributes().has("pc")) {
                try {
                    entries.add(new Entry(r.ri(), Long.parseLong(r.rn().substring(prefix().length())),
                            r.attributes().get("pc")));
                } catch (NumberFormatException e) {
                    // not ours
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::seq));
        return entries;
    }

    /**
     * The rn prefix of this outbox's items, {@code outbox-<name>-}: several outboxes (announcements, forwarded
     * notifications, non-blocking requests) share one store without reading or overwriting each other's items.
     */
    private String prefix() {
        return NAME_PREFIX + name.replaceAll("[^A-Za-z0-9]", "") + "-";
    }

    private Resource record(long seq, JsonNode item) {
        Instant now = clock.instant();
        String rn = prefix() + String.format("%012d", seq);
        String ri = "obx" + (config.cseIdWithoutSlash() + name).replaceAll("[^A-Za-z0-9]", "")
                + String.format("%012d", seq);
        Instant et = now.plus(settings.retention());
        ObjectNode a = ContentCodec.object();
        String ct = TimestampCodec.format(now);
        a.put("ty", ResourceType.REQUEST.ty());
        a.put("ri", ri);
        a.put("rn", rn);
        a.put("pi", config.cseIdWithoutSlash());
        a.put("ct", ct);
        a.put("lt", ct);
        a.put("et", TimestampCodec.format(et));
        a.put("op", item.path("op").asInt(0));
        a.put("tg", item.path("to").asText(""));
        a.put("org", config.cseId());
        a.put("rid", name + "-" + seq);
        a.put("rs", 3); // PENDING until sent
        a.set("pc", item);
        Resource cseBase = store.get(config.cseIdWithoutSlash()).orElseThrow();
        return new Resource(ri, cseBase.ri(), ResourceType.REQUEST, rn, cseBase.path() + "/" + rn, now, now,
                TimestampCodec.truncate(et), a);
    }
}
