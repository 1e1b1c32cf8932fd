package org.oneedge.mec.platform.emulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Network and mobility emulator: moves the UEs of a {@link Scenario} along their paths, measures every cell in reach
 * with a log-distance path-loss model plus correlated log-normal shadowing, selects the serving cell with an A3-like
 * rule (neighbour better by the hysteresis for the time-to-trigger), and publishes what changed as
 * {@link EmulatorEvent}s. It plays the role of AdvantEDGE's GIS engine and mobility automation (MEC-DIGEST 9.2-9.4),
 * without HTTP: RNIS, Location and AMS listen to it.
 *
 * <pre>
 *   tick (every {@code config.tick} of emulated time), for each UE in scenario order:
 *     move along path ─▶ PositionUpdate
 *     measure cells from the CellGrid bucket (RSRP = P_tx − PL(d) + shadowing)
 *     every measurementInterval ─▶ MeasurementReport(PERIODICAL)
 *     serving lost?  ─▶ CellChange(RADIO_LINK_FAILURE | COVERAGE_LOST)
 *     scenario QoS change due? ─▶ BearerQosChange
 *     neighbour ≥ serving + hysteresis for time-to-trigger? ─▶ MeasurementReport(EVENT_A3), CellChange(HANDOVER)
 *     after a CellChange: ZoneExit, ZoneEnter (zone changed), HostChange (MEC host changed)
 *     4G cells of the serving cell's zone above/below the SCell thresholds? ─▶ SecondaryCellChange
 * </pre>
 *
 * Time is emulated: {@link #advance(Duration)} steps synchronously (tests move hours in seconds), {@link #start()}
 * steps in the background at {@code speedFactor} × real time. The same scenario, configuration and seed always give
 * the same event sequence. Thread-safe: ticks and queries take one lock; listeners run on the ticking thread.
 */
public final class Emulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);

    private final Scenario scenario;
    private final EmulatorConfig config;
    private final GeoFrame geo;
    private final List<EmulatedAccessPoint> cells;
    private final Map<String, EmulatedAccessPoint> cellsById;
    private final CellGrid grid;
    private final UeState[] ues;
    private final Map<String, UeState> uesById;
    private final List<EmulatorListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledExecutorService injectedExecutor;

    private final Instant epoch;
    private final long tickNanos;
    private final double tickSeconds;
    private final long timeToTriggerTicks;
    private final long reportTicks;
    private final double pathLossExponent10;
    private final double referenceLoss;
    private final double shadowingSigma;
    private final double decorrelation;
    private final double noiseFloorMw;
    private final double hysteresis;
    private final double minRsrp;
    private final double scellAddRsrp;
    private final double scellRemoveRsrp;
    private final int maxSecondaryCells;
    /** Scratch for the secondary cell selection (ticks run under the lock, one at a time). */
    private final int[] scellScratch;

    private long tick;
    private long positionUpdates;
    private long events;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> running;
    private long wallStartNanos;
    private long tickAtStart;

    private Emulator(Scenario scenario, EmulatorConfig config, ScheduledExecutorService executor) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.config = Objects.requireNonNull(config, "config");
        this.injectedExecutor = executor;
        this.geo = scenario.origin().frame();
        List<EmulatedAccessPoint> list = new ArrayList<>();
        Map<String, EmulatedAccessPoint> byId = new HashMap<>();
        for (Scenario.AccessPoint ap : scenario.accessPoints()) {
            int i = list.size();
            double x = geo.x(ap.position()), y = geo.y(ap.position());
            EmulatedAccessPoint cell = new EmulatedAccessPoint(i, ap.id(), ap.type(), x, y, geo.latitudeOf(y),
                    geo.longitudeOf(x), ap.txPowerDbm(), ap.coverageRadius(), cellIdOf(ap, i), ap.zone(),
                    scenario.hostOfZone(ap.zone()).name());
            list.add(cell);
            byId.put(cell.id(), cell);
        }
        this.cells = List.copyOf(list);
        this.cellsById = Map.copyOf(byId);
        this.grid = new CellGrid(cells);
        this.tickNanos = config.tick().toNanos();
        this.tickSeconds = tickNanos / 1e9;
        Scenario.Radio radio = scenario.radio();
        this.timeToTriggerTicks = ceilDiv(radio.timeToTrigger().toNanos(), tickNanos);
        this.reportTicks = Math.max(1, config.measurementInterval().toNanos() / tickNanos);
        this.pathLossExponent10 = 10 * radio.pathLossExponent();
        this.referenceLoss = radio.referenceLossDb();
        this.shadowingSigma = radio.shadowingSigmaDb();
        this.decorrelation = radio.shadowingDecorrelation();
        this.noiseFloorMw = Math.pow(10, radio.noiseFloorDbm() / 10);
        this.hysteresis = radio.hysteresisDb();
        this.minRsrp = radio.minRsrpDbm();
        this.scellAddRsrp = radio.scellAddRsrpDbm();
        this.scellRemoveRsrp = radio.scellRemoveRsrpDbm();
        this.maxSecondaryCells = radio.maxSecondaryCells();
        this.scellScratch = new int[maxSecondaryCells];
        this.epoch = config.clock().instant();
        this.ues = new UeState[scenario.ues().size()];
        Map<String, UeState> ueMap = new HashMap<>();
        for (int i = 0; i < ues.length; i++) {
            Scenario.Ue spec = scenario.ues().get(i);
            long startTick = ceilDiv(spec.startTime().toNanos(), tickNanos);
            // spread periodic reports over the interval so that they do not all fall on the same tick
            ues[i] = new UeState(spec, i, geo, cells.size(), config.seed(), startTick, 1 + (i % reportTicks));
            ues[i].secondary = new int[maxSecondaryCells];
            ueMap.put(spec.id(), ues[i]);
        }
        this.uesById = ueMap;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static String cellIdOf(Scenario.AccessPoint ap, int index) {
        if (ap.cellId() != null && !ap.cellId().isBlank()) {
            return ap.cellId();
        }
        return switch (ap.type()) {
            case LTE_4G -> String.format("%07X", 0x1000 + index);
            case NR_5G -> String.format("%09X", 0x10000 + index);
            case WIFI -> String.format("02:00:00:00:%02X:%02X", (index >> 8) & 0xFF, index & 0xFF);
        };
    }

    public static Builder builder(Scenario scenario) {
        return new Builder(scenario);
    }

    /** Wires an {@link Emulator}: scenario (required), configuration and an optional executor for real time. */
    public static final class Builder {
        private final Scenario scenario;
        private EmulatorConfig config = EmulatorConfig.defaults();
        private ScheduledExecutorService executor;

        private Builder(Scenario scenario) {
            this.scenario = scenario;
        }

        public Builder config(EmulatorConfig v) { config = v; return this; }

        /** Executor that runs the ticks after {@link Emulator#start()}; default: an own single daemon thread. */
        public Builder executor(ScheduledExecutorService v) { executor = v; return this; }

        public Emulator build() {
            return new Emulator(scenario, config, executor);
        }
    }

    // ---------------------------------------------------------------- listeners and time

    public void addListener(EmulatorListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(EmulatorListener listener) {
        listeners.remove(listener);
    }

    /** Runs the ticks that fit into {@code duration} of emulated time, synchronously on the calling thread. */
    public void advance(Duration duration) {
        long n = duration.toNanos() / tickNanos;
        if (running != null) {
            throw new IllegalStateException("emulator runs in real time; stop() it before advance()");
        }
        for (long i = 0; i < n; i++) {
            step();
        }
    }

    /** Current emulated time. */
    public Instant now() {
        lock.lock();
        try {
            return timeOf(tick);
        } finally {
            lock.unlock();
        }
    }

    /** Emulated time elapsed since the start. */
    public Duration elapsed() {
        lock.lock();
        try {
            return Duration.ofNanos(tick * tickNanos);
        } finally {
            lock.unlock();
        }
    }

    private Instant timeOf(long t) {
        return epoch.plusNanos(t * tickNanos);
    }

    /**
     * Runs in the background at {@code speedFactor} × real time until {@link #stop()}; if the machine cannot keep up,
     * emulated time falls behind (see {@link #ticks()}).
     */
    public synchronized void start() {
        if (running != null) {
            return;
        }
        executor = injectedExecutor != null ? injectedExecutor : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mec-emulator");
            t.setDaemon(true);
            return t;
        });
        wallStartNanos = System.nanoTime();
        tickAtStart = ticks();
        long period = Math.max(1_000_000L, (long) (tickNanos / config.speedFactor()));
        running = executor.scheduleAtFixedRate(this::runDueTicks, 0, period, TimeUnit.NANOSECONDS);
        LOG.info("emulator started: scenario={} ues={} cells={} tick={} speedFactor={}", scenario.name(),
                ues.length, cells.size(), config.tick(), config.speedFactor());
    }

    private void runDueTicks() {
        try {
            long due = tickAtStart + (long) ((System.nanoTime() - wallStartNanos) * config.speedFactor() / tickNanos);
            for (int n = 0; n < 100 && ticks() < due; n++) {
                step();
            }
        } catch (RuntimeException e) {
            LOG.error("emulator tick failed", e);
        }
    }

    public synchronized void stop() {
        if (running == null) {
            return;
        }
        running.cancel(false);
        running = null;
        if (injectedExecutor == null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        executor = null;
        LOG.info("emulator stopped: scenario={} elapsed={} ticks={}", scenario.name(), elapsed(), ticks());
    }

    public boolean isRunning() {
        return running != null;
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- the tick

    private void step() {
        lock.lock();
        try {
            tick++;
            Instant now = timeOf(tick);
            for (UeState ue : ues) {
                stepUe(ue, now);
            }
            for (EmulatorListener listener : listeners) {
                try {
                    listener.onTick(now);
                } catch (RuntimeException e) {
                    LOG.warn("emulator listener {} failed on tick: {}", listener, e.toString());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void stepUe(UeState ue, Instant now) {
        boolean moved = ue.move(tick, tickSeconds);
        if (config.publishPositionUpdates() && (moved || !ue.positionPublished)) {
            ue.positionPublished = true;
            positionUpdates++;
            publish(new EmulatorEvent.PositionUpdate(now, ue.id(), ue.x, ue.y, geo.latitudeOf(ue.y),
                    geo.longitudeOf(ue.x), ue.currentSpeed));
        }
        measure(ue);
        if (tick >= ue.nextReportTick) {
            ue.nextReportTick += reportTicks;
            publish(new EmulatorEvent.MeasurementReport(now, ue.id(), servingId(ue),
                    EmulatorEvent.ReportTrigger.PERIODICAL, measurements(ue)));
        }
        if (!ue.spec.qos().isEmpty()) {
            applyQosChanges(ue, now);
        }
        decide(ue, now);
        if (maxSecondaryCells > 0) {
            selectSecondaryCells(ue, now);
        }
    }

    /** Applies the scenario's QoS changes that are due: each one that changes something is a BearerQosChange. */
    private void applyQosChanges(UeState ue, Instant now) {
        List<Scenario.QosChange> changes = ue.spec.qos();
        long elapsedNanos = tick * tickNanos;
        while (ue.nextQosChange < changes.size() && changes.get(ue.nextQosChange).at().toNanos() <= elapsedNanos) {
            BearerQos next = changes.get(ue.nextQosChange++).bearerQos();
            if (!next.equals(ue.bearerQos)) {
                BearerQos previous = ue.bearerQos;
                ue.bearerQos = next;
                publish(new EmulatorEvent.BearerQosChange(now, ue.id(), servingId(ue), previous, next));
            }
        }
    }

    /**
     * Carrier aggregation: the 4G cells of the serving 4G cell's zone that the UE measures at least
     * {@code scellAddRsrpDbm} (a secondary cell already configured stays down to {@code scellRemoveRsrpDbm}), the
     * strongest {@code maxSecondaryCells} of them. A changed set is a SecondaryCellChange.
     */
    private void selectSecondaryCells(UeState ue, Instant now) {
        EmulatedAccessPoint primary = ue.serving < 0 ? null : cells.get(ue.serving);
        int n = 0;
        if (primary != null && primary.type() == AccessPointType.LTE_4G) {
            for (int i = 0; i < ue.measuredCount; i++) {
                int c = ue.measured[i];
                EmulatedAccessPoint cell = cells.get(c);
                if (c == ue.serving || cell.type() != AccessPointType.LTE_4G
                        || !cell.zoneId().equals(primary.zoneId())) {
                    continue;
                }
                double threshold = indexOf(ue.secondary, ue.secondaryCount, c) >= 0 ? scellRemoveRsrp : scellAddRsrp;
                if (ue.rsrp[c] < threshold) {
                    continue;
                }
                if (n < scellScratch.length) {
                    scellScratch[n++] = c;
                } else if (ue.rsrp[c] > ue.rsrp[scellScratch[n - 1]]) {
                    scellScratch[n - 1] = c;
                } else {
                    continue;
                }
                for (int j = n - 1; j > 0 && ue.rsrp[scellScratch[j]] > ue.rsrp[scellScratch[j - 1]]; j--) {
                    int t = scellScratch[j];
                    scellScratch[j] = scellScratch[j - 1];
                    scellScratch[j - 1] = t;
                }
            }
        }
        if (n == 0 && ue.secondaryCount == 0) {
            return;
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (indexOf(ue.secondary, ue.secondaryCount, scellScratch[j]) < 0) {
                added.add(cells.get(scellScratch[j]).id());
            }
        }
        for (int j = 0; j < ue.secondaryCount; j++) {
            if (indexOf(scellScratch, n, ue.secondary[j]) < 0) {
                removed.add(cells.get(ue.secondary[j]).id());
            }
        }
        System.arraycopy(scellScratch, 0, ue.secondary, 0, n);
        ue.secondaryCount = n;
        // all released: reported against the primary cell they were aggregated with (the UE may have left it)
        String primaryId = n == 0 ? ue.secondaryPrimary : primary.id();
        ue.secondaryPrimary = n == 0 ? null : primary.id();
        if (added.isEmpty() && removed.isEmpty()) {
            return; // same cells, only their order changed
        }
        publish(new EmulatorEvent.SecondaryCellChange(now, ue.id(), primaryId, secondaryIds(ue), added, removed,
                measurements(ue)));
        LOG.debug("secondary cells ue={} primary={} added={} removed={}", ue.id(), primaryId, added, removed);
    }

    private static int indexOf(int[] array, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (array[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private List<String> secondaryIds(UeState ue) {
        List<String> ids = new ArrayList<>(ue.secondaryCount);
        for (int j = 0; j < ue.secondaryCount; j++) {
            ids.add(cells.get(ue.secondary[j]).id());
        }
        return ids;
    }

    private void measure(UeState ue) {
        for (int i = 0; i < ue.measuredCount; i++) {
            ue.rsrp[ue.measured[i]] = Double.NaN;
        }
        ue.measuredCount = 0;
        double rho = Math.exp(-ue.movedThisTick / decorrelation);
        double innovation = Math.sqrt(Math.max(0, 1 - rho * rho)) * shadowingSigma;
        for (int c : grid.candidates(ue.x, ue.y)) {
            EmulatedAccessPoint cell = cells.get(c);
            double dx = ue.x - cell.x(), dy = ue.y - cell.y();
            double d2 = dx * dx + dy * dy;
            if (d2 > cell.coverageRadius() * cell.coverageRadius()) {
                continue;
            }
            if (!ue.shadowInitialised[c]) {
                ue.shadow[c] = shadowingSigma == 0 ? 0 : ue.random.nextGaussian() * shadowingSigma;
                ue.shadowInitialised[c] = true;
            } else if (ue.movedThisTick > 0 && shadowingSigma > 0) {
                ue.shadow[c] = rho * ue.shadow[c] + innovation * ue.random.nextGaussian();
            }
            double distance = Math.max(1.0, Math.sqrt(d2));
            double value = cell.txPowerDbm() - referenceLoss - pathLossExponent10 * Math.log10(distance)
                    + ue.shadow[c];
            if (value < minRsrp) {
                continue;
            }
            ue.rsrp[c] = value;
            ue.measured[ue.measuredCount++] = c;
        }
    }

    private int strongest(UeState ue, int excluded) {
        int best = -1;
        for (int i = 0; i < ue.measuredCount; i++) {
            int c = ue.measured[i];
            if (c != excluded && (best < 0 || ue.rsrp[c] > ue.rsrp[best])) {
                best = c;
            }
        }
        return best;
    }

    private void decide(UeState ue, Instant now) {
        int serving = ue.serving;
        if (serving >= 0 && Double.isNaN(ue.rsrp[serving])) {
            int best = strongest(ue, -1);
            ue.candidate = -1;
            changeCell(ue, best, best < 0 ? EmulatorEvent.CellChangeReason.COVERAGE_LOST
                    : EmulatorEvent.CellChangeReason.RADIO_LINK_FAILURE, now);
            return;
        }
        if (serving < 0) {
            int best = strongest(ue, -1);
            if (best >= 0) {
                changeCell(ue, best, EmulatorEvent.CellChangeReason.INITIAL_ATTACH, now);
            }
            return;
        }
        int neighbour = strongest(ue, serving);
        if (neighbour >= 0 && ue.rsrp[neighbour] >= ue.rsrp[serving] + hysteresis) {
            if (ue.candidate != neighbour) {
                ue.candidate = neighbour;
                ue.candidateSince = tick;
            }
            if (tick - ue.candidateSince >= timeToTriggerTicks) {
                publish(new EmulatorEvent.MeasurementReport(now, ue.id(), servingId(ue),
                        EmulatorEvent.ReportTrigger.EVENT_A3, measurements(ue)));
                ue.candidate = -1;
                changeCell(ue, neighbour, EmulatorEvent.CellChangeReason.HANDOVER, now);
            }
        } else {
            ue.candidate = -1;
        }
    }

    private void changeCell(UeState ue, int target, EmulatorEvent.CellChangeReason reason, Instant now) {
        EmulatedAccessPoint from = ue.serving < 0 ? null : cells.get(ue.serving);
        EmulatedAccessPoint to = target < 0 ? null : cells.get(target);
        ue.serving = target;
        publish(new EmulatorEvent.CellChange(now, ue.id(), from == null ? null : from.id(),
                to == null ? null : to.id(), reason));
        String fromZone = from == null ? null : from.zoneId();
        String toZone = to == null ? null : to.zoneId();
        if (!Objects.equals(fromZone, toZone)) {
            if (fromZone != null) {
                publish(new EmulatorEvent.ZoneExit(now, ue.id(), fromZone, from.id()));
            }
            if (toZone != null) {
                publish(new EmulatorEvent.ZoneEnter(now, ue.id(), toZone, to.id()));
            }
        }
        String fromHost = from == null ? null : from.hostName();
        String toHost = to == null ? null : to.hostName();
        if (!Objects.equals(fromHost, toHost)) {
            publish(new EmulatorEvent.HostChange(now, ue.id(), fromHost, toHost));
        }
        LOG.debug("cell change ue={} from={} to={} reason={}", ue.id(), from == null ? null : from.id(),
                to == null ? null : to.id(), reason);
    }

    private void publish(EmulatorEvent event) {
        events++;
        for (EmulatorListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("emulator listener {} failed on {}: {}", listener, event.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    private String servingId(UeState ue) {
        return ue.serving < 0 ? null : cells.get(ue.serving).id();
    }

    /** Serving cell first, then neighbours strongest first, with RSRQ and SINR against same-technology cells. */
    private List<CellMeasurement> measurements(UeState ue) {
        List<CellMeasurement> out = new ArrayList<>(ue.measuredCount);
        if (ue.serving >= 0 && !Double.isNaN(ue.rsrp[ue.serving])) {
            out.add(measurementOf(ue, ue.serving));
        }
        int start = out.size();
        for (int i = 0; i < ue.measuredCount; i++) {
            int c = ue.measured[i];
            if (c != ue.serving) {
                out.add(measurementOf(ue, c));
            }
        }
        out.subList(start, out.size()).sort((a, b) -> Double.compare(b.rsrpDbm(), a.rsrpDbm()));
        return out;
    }

    private CellMeasurement measurementOf(UeState ue, int c) {
        double signal = Math.pow(10, ue.rsrp[c] / 10);
        double interference = 0;
        AccessPointType type = cells.get(c).type();
        for (int i = 0; i < ue.measuredCount; i++) {
            int other = ue.measured[i];
            if (other != c && cells.get(other).type() == type) {
                interference += Math.pow(10, ue.rsrp[other] / 10);
            }
        }
        double sinr = 10 * Math.log10(signal / (interference + noiseFloorMw));
        // RSRQ = N·RSRP / RSSI with a fully loaded carrier: RSSI per resource block = 12 · (S + I + N)
        double rsrq = 10 * Math.log10(signal / (12 * (signal + interference + noiseFloorMw)));
        return new CellMeasurement(cells.get(c).id(), ue.rsrp[c], rsrq, sinr);
    }

    // ---------------------------------------------------------------- queries

    public Scenario scenario() {
        return scenario;
    }

    public EmulatorConfig config() {
        return config;
    }

    public GeoFrame geoFrame() {
        return geo;
    }

    /** Access points in scenario order. */
    public List<EmulatedAccessPoint> accessPoints() {
        return cells;
    }

    public Optional<EmulatedAccessPoint> accessPoint(String id) {
        return Optional.ofNullable(cellsById.get(id));
    }

    /** Zone ids in scenario order. */
    public List<String> zoneIds() {
        return scenario.zones().stream().map(Scenario.Zone::id).toList();
    }

    /** MEC host names in scenario order. */
    public List<String> hostNames() {
        return scenario.mecHosts().stream().map(Scenario.MecHost::name).toList();
    }

    /** Snapshots of all UEs, in scenario order. */
    public List<UeView> ues() {
        lock.lock();
        try {
            List<UeView> out = new ArrayList<>(ues.length);
            Instant now = timeOf(tick);
            for (UeState ue : ues) {
                out.add(view(ue, now));
            }
            return Collections.unmodifiableList(out);
        } finally {
            lock.unlock();
        }
    }

    public Optional<UeView> ue(String id) {
        lock.lock();
        try {
            UeState ue = uesById.get(id);
            return ue == null ? Optional.empty() : Optional.of(view(ue, timeOf(tick)));
        } finally {
            lock.unlock();
        }
    }

    private UeView view(UeState ue, Instant now) {
        EmulatedAccessPoint serving = ue.serving < 0 ? null : cells.get(ue.serving);
        return new UeView(ue.id(), now, ue.x, ue.y, geo.latitudeOf(ue.y), geo.longitudeOf(ue.x), ue.currentSpeed,
                ue.bearing, serving == null ? null : serving.id(), serving == null ? null : serving.zoneId(),
                serving == null ? null : serving.hostName(), measurements(ue), ue.bearerQos, secondaryIds(ue));
    }

    /** Ticks run so far. */
    public long ticks() {
        lock.lock();
        try {
            return tick;
        } finally {
            lock.unlock();
        }
    }

    /** Position updates published so far. */
    public long positionUpdates() {
        lock.lock();
        try {
            return positionUpdates;
        } finally {
            lock.unlock();
        }
    }

    /** Events published so far (all kinds). */
    public long eventCount() {
        lock.lock();
        try {
            return events;
        } finally {
            lock.unlock();
        }
    }
}
