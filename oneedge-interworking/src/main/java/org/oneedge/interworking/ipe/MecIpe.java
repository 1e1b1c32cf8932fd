package org.oneedge.interworking.ipe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oneedge.client.OneM2MClient;
import org.oneedge.interworking.callback.MecCallbackReceiver;
import org.oneedge.interworking.ipe.MecResourceTree.Specialization;
import org.oneedge.mec.api.common.MecJson;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.common.MecRestClient;
import org.oneedge.mec.api.location.LocationClient;
import org.oneedge.mec.api.location.LocationEventType;
import org.oneedge.mec.api.location.LocationInfo;
import org.oneedge.mec.api.location.UserEventPara;
import org.oneedge.mec.api.location.UserInfo;
import org.oneedge.mec.api.location.UserLocationEventNotification;
import org.oneedge.mec.api.location.UserLocationEventSubscription;
import org.oneedge.mec.api.metrics.HostMetrics;
import org.oneedge.mec.api.metrics.MecMetricsClient;
import org.oneedge.mec.api.rni.AssociateId;
import org.oneedge.mec.api.rni.CellChangeNotification;
import org.oneedge.mec.api.rni.CellChangeSubscription;
import org.oneedge.mec.api.rni.FilterCriteriaAssocHo;
import org.oneedge.mec.api.rni.FilterCriteriaAssocTri;
import org.oneedge.mec.api.rni.MeasRepUeNotification;
import org.oneedge.mec.api.rni.MeasRepUeSubscription;
import org.oneedge.mec.api.rni.RabInfo;
import org.oneedge.mec.api.rni.RniClient;
import org.oneedge.mec.api.rni.RniNotification;
import org.oneedge.model.CseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The MEC Interworking Proxy Entity: an AE (TS-0001 Annex F, ONEM2M-DIGEST 10: full semantic mapping) that mirrors
 * what the MEC platform knows about its hosts, UEs and cells into a CSE as oneM2M resources, so oneM2M applications
 * read and subscribe to MEC information with plain oneM2M requests. It reaches MEC only through the typed MEC
 * clients (MEC 012 RNIS, MEC 013 Location, platform metrics) and the CSE only through a {@link CseClient}.
 *
 * <pre>
 *   RNIS  MeasRepUeNotification ─┐                          ┌─▶ mec/ues/&lt;address&gt;   (org.oneedge.mec.ueInfo)
 *   RNIS  CellChangeNotification ├─▶ MecCallbackReceiver ─▶ │
 *   Loc.  UserLocationEvent ─────┘        UeMirror          ├─▶ mec/cells/&lt;cellId&gt;   (container of UE sets)
 *   metrics GET /hosts (every metricsInterval) ────────────▶└─▶ mec/hosts/&lt;host&gt;     (org.oneedge.mec.hostMetrics)
 *   start/resync: GET users, rab_info, hosts; retrieve-or-create the AE and tree; (re)subscribe what is missing
 * </pre>
 *
 * Names derive from MEC ids ({@link ResourceNames}); every resource carries the labels {@code
 * Iwked-Technology:ETSI-MEC}, {@code Iwked-Entity-Type:<ue|host|cell>} and {@code Iwked-Entity-ID:<MEC id>}. On stop
 * the MEC subscriptions are deleted; the oneM2M resources stay and show the last known state.
 */
public final class MecIpe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MecIpe.class);
    private static final String ADDRESS_SCHEME = "acr:";
    /** Least time between two repairs after failed writes (the CSE may be down for a while). */
    private static final java.time.Duration REPAIR_BACKOFF = java.time.Duration.ofSeconds(2);

    private final MecIpeConfig config;
    private final MecResourceTree tree;
    private final MecCallbackReceiver receiver;
    private final RniClient rnis;
    private final LocationClient location;
    private final MecMetricsClient metrics;
    private final ObjectMapper mapper = MecJson.newObjectMapper();
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, UeMirror> ues = new HashMap<>();
    private final Map<String, Set<String>> cells = new HashMap<>();
    private final Map<String, String> userSubscriptions = new ConcurrentHashMap<>();
    private final List<String> rniSubscriptions = new ArrayList<>();
    private volatile boolean repairNeeded;
    private long lastRepairNanos;
    private ScheduledExecutorService scheduler;
    private String rnisCallback;
    private String locationCallback;
    private boolean running;

    /** An IPE writing into the CSE behind {@code cse}. */
    public MecIpe(CseClient cse, MecIpeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.tree = new MecResourceTree(OneM2MClient.builder(cse).cseBase(config.cseBaseName())
                .originator(config.aeName()).build(), config);
        this.receiver = new MecCallbackReceiver(config.callbackHost(), config.callbackPort(),
                config.callbackAdvertisedHost());
        this.rnis = config.rnisUrl() == null ? null : RniClient.of(config.rnisUrl());
        this.location = config.locationUrl() == null ? null : LocationClient.of(config.locationUrl());
        this.metrics = config.metricsUrl() == null ? null : new MecMetricsClient(MecRestClient.of(config.metricsUrl()));
    }

    /** Registers, builds the tree, subscribes to MEC and mirrors the current MEC state. */
    public MecIpe start() {
        lock.lock();
        try {
            if (running) {
                throw new IllegalStateException("MEC IPE already started");
            }
            receiver.start();
            rnisCallback = receiver.register("/rnis", this::onRniNotification);
            locationCallback = receiver.register("/location", this::onLocationNotification);
            running = true;
        } finally {
            lock.unlock();
        }
        try {
            resync();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("mec-ipe").factory());
        scheduler.scheduleWithFixedDelay(() -> safely("mirror host metrics", this::mirrorHosts),
                config.metricsInterval().toMillis(), config.metricsInterval().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> safely("flush UE updates", this::flush),
                config.ueUpdateInterval().toMillis(), config.ueUpdateInterval().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> safely("resync", this::resync),
                config.resyncInterval().toMillis(), config.resyncInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("MEC IPE {} mirrors MEC (rnis {}, location {}, metrics {}) into {}", config.aeName(),
                config.rnisUrl(), config.locationUrl(), config.metricsUrl(), tree.rootPath());
        return this;
    }

    /** Deletes the MEC subscriptions and stops receiving; the mirrored resources stay. Idempotent. */
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        List<String> rni;
        lock.lock();
        try {
            if (!running) {
                return;
            }
            running = false;
            rni = List.copyOf(rniSubscriptions);
            rniSubscriptions.clear();
        } finally {
            lock.unlock();
        }
        for (String href : rni) {
            quietly(() -> rnis.unsubscribe(href));
        }
        for (String href : userSubscriptions.values()) {
            quietly(() -> location.unsubscribe(href));
        }
        userSubscriptions.clear();
        receiver.stop();
        LOG.info("MEC IPE {} stopped", config.aeName());
    }

    @Override
    public void close() {
        stop();
    }

    /** The structured path of the mirror's root container, e.g. {@code cse-mn1/CMecIpe/mec}. */
    public String rootPath() {
        return tree.rootPath();
    }

    /** Path of the resource mirroring a UE, e.g. {@code cse-mn1/CMecIpe/mec/ues/acr_10.0.0.1}. */
    public String uePath(String address) {
        return tree.path(MecResourceTree.UES) + "/" + ResourceNames.of(normalise(address));
    }

    /** Path of the resource mirroring a MEC host's metrics. */
    public String hostPath(String hostName) {
        return tree.path(MecResourceTree.HOSTS) + "/" + ResourceNames.of(hostName);
    }

    /** Path of the container mirroring a cell's UEs. */
    public String cellPath(String cellId) {
        return tree.path(MecResourceTree.CELLS) + "/" + ResourceNames.of(cellId);
    }

    /**
     * Reconciles both sides: retrieves or creates the AE and the tree, re-creates MEC subscriptions the platform no
     * longer has, re-reads users, bearers and host metrics and writes what differs. Runs at start, every
     * {@code resyncInterval} and after a failed write.
     */
    public void resync() {
        repairNeeded = false;
        lock.lock();
        try {
            if (!running) {
                return;
            }
            tree.forget();
            tree.ensureAe();
            tree.ensureFolders();
        } finally {
            lock.unlock();
        }
        ensureRniSubscriptions();
        userSubscriptions.entrySet().removeIf(e -> !locationSubscriptionExists(e.getValue()));
        mirrorUsers();
        mirrorBearers();
        mirrorHosts();
        flushAll();
    }

    // ------------------------------------------------------------------ MEC → mirror

    private void ensureRniSubscriptions() {
        if (rnis == null) {
            return;
        }
        lock.lock();
        try {
            if (rniSubscriptions.size() == 2 && rniSubscriptions.stream().allMatch(this::rniSubscriptionExists)) {
                return;
            }
            rniSubscriptions.forEach(href -> quietly(() -> rnis.unsubscribe(href)));
            rniSubscriptions.clear();
            rniSubscriptions.add(rnis.subscribe(MeasRepUeSubscription.of(rnisCallback,
                    new FilterCriteriaAssocTri(null, null, null, null), null)).links().self().href());
            rniSubscriptions.add(rnis.subscribe(CellChangeSubscription.of(rnisCallback,
                    new FilterCriteriaAssocHo(null, null, null, null), null)).links().self().href());
        } finally {
            lock.unlock();
        }
    }

    private boolean rniSubscriptionExists(String href) {
        try {
            rnis.subscription(href);
            return true;
        } catch (MecProblemException e) {
            return e.status() != 404;
        }
    }

    private boolean locationSubscriptionExists(String href) {
        try {
            location.subscription(href);
            return true;
        } catch (MecProblemException e) {
            return e.status() != 404;
        }
    }

    private void mirrorUsers() {
        if (location == null) {
            return;
        }
        List<UserInfo> users = location.users(null, null, null).user();
        for (UserInfo user : users == null ? List.<UserInfo>of() : users) {
            String address = normalise(user.address());
            updateUe(address, ue -> applyLocation(ue, user.zoneId(), user.locationInfo()), true);
            subscribeUser(address);
        }
    }

    private void mirrorBearers() {
        if (rnis == null) {
            return;
        }
        RabInfo rab = rnis.rabInfo(Map.of());
        if (rab.cellUserInfo() == null) {
            return;
        }
        for (RabInfo.CellUserInfo cell : rab.cellUserInfo()) {
            if (cell.ecgi() == null || cell.ueInfo() == null) {
                continue;
            }
            for (RabInfo.UeInfo ue : cell.ueInfo()) {
                addressOf(ue.associateId()).ifPresent(address ->
                        updateUe(address, m -> m.cellId = cell.ecgi().cellId(), true));
            }
        }
    }

    private void mirrorHosts() {
        if (metrics == null) {
            return;
        }
        for (HostMetrics host : metrics.hosts()) {
            ObjectNode a = JsonNodeFactory.instance.objectNode();
            a.put("cpu", round(host.cpuLoad() * 100));
            if (host.memoryTotal() > 0) {
                a.put("mem", round(100.0 * host.memoryUsed() / host.memoryTotal()));
            }
            a.put("thr", round(host.networkThroughputBps() / 1e6));
            a.put("lat", round(host.latencyMs()));
            a.put("rad", round(host.radioLoad() * 100));
            write(() -> tree.upsertFlex(tree.path(MecResourceTree.HOSTS), ResourceNames.of(host.hostName()),
                    Specialization.HOST_METRICS, a, labels("host", host.hostName()), null));
        }
    }

    private void onRniNotification(byte[] body) {
        RniNotification notification = RniClient.parseNotification(mapper, body);
        switch (notification) {
            case MeasRepUeNotification m -> addressOf(m.associateId()).ifPresent(address ->
                    updateUe(address, ue -> {
                        if (m.ecgi() != null) {
                            ue.cellId = m.ecgi().cellId();
                        }
                        if (m.rsrp() != null) {
                            ue.rsrp = UeMirror.rsrpDbm(m.rsrp());
                        }
                        if (m.rsrq() != null) {
                            ue.rsrq = UeMirror.rsrqDb(m.rsrq());
                        }
                        if (m.sinr() != null) {
                            ue.sinr = UeMirror.sinrDb(m.sinr());
                        }
                    }, false));
            case CellChangeNotification c -> addressOf(c.associateId()).ifPresent(address -> {
                String target = c.trgEcgi() == null || c.trgEcgi().isEmpty() ? null : c.trgEcgi().getFirst().cellId();
                UserInfo where = locate(address);
                updateUe(address, ue -> {
                    if (target != null) {
                        ue.cellId = target;
                    }
                    if (where != null) {
                        applyLocation(ue, where.zoneId(), where.locationInfo());
                    }
                }, true);
            });
        }
    }

    private void onLocationNotification(byte[] body) {
        if (LocationClient.parseNotification(mapper, body) instanceof UserLocationEventNotification n
                && n.address() != null) {
            updateUe(normalise(n.address()), ue -> {
                if (n.userLocationEvent() != LocationEventType.LEAVING_AREA_EVENT && n.zoneId() != null) {
                    ue.zoneId = n.zoneId();
                }
                applyLocation(ue, null, n.locationInfo());
            }, true);
        }
    }

    /** The user's current zone and position from MEC 013, or null when unknown. */
    private UserInfo locate(String address) {
        if (location == null) {
            return null;
        }
        try {
            List<UserInfo> users = location.users(null, null, address).user();
            return users == null || users.isEmpty() ? null : users.getFirst();
        } catch (MecProblemException e) {
            return null; // left this platform's view
        }
    }

    private static void applyLocation(UeMirror ue, String zoneId, LocationInfo info) {
        if (zoneId != null) {
            ue.zoneId = zoneId;
        }
        if (info != null && info.latitude() != null && !info.latitude().isEmpty() && info.longitude() != null
                && !info.longitude().isEmpty()) {
            ue.latitude = info.latitude().getFirst();
            ue.longitude = info.longitude().getFirst();
        }
    }

    // ------------------------------------------------------------------ mirror → oneM2M

    /** Applies a change to a UE (new UEs get a Location subscription) and writes it now or when due. */
    private void updateUe(String address, java.util.function.Consumer<UeMirror> change, boolean urgent) {
        boolean isNew;
        lock.lock();
        try {
            if (!running) {
                return;
            }
            isNew = !ues.containsKey(address);
            UeMirror ue = ues.computeIfAbsent(address, UeMirror::new);
            String cellBefore = ue.cellId;
            change.accept(ue);
            ue.pending = true;
            if (!Objects.equals(cellBefore, ue.cellId)) {
                moveBetweenCells(ue, cellBefore);
                urgent = true;
            }
            if (urgent || System.nanoTime() - ue.lastWriteNanos >= config.ueUpdateInterval().toNanos()) {
                writeUe(ue);
            }
        } finally {
            lock.unlock();
        }
        if (isNew) {
            subscribeUser(address);
        }
    }

    private void moveBetweenCells(UeMirror ue, String from) {
        if (from != null) {
            Set<String> members = cells.get(from);
            if (members != null) {
                members.remove(ue.address);
                writeCell(from, members);
            }
        }
        if (ue.cellId != null) {
            Set<String> members = cells.computeIfAbsent(ue.cellId, k -> new TreeSet<>());
            members.add(ue.address);
            writeCell(ue.cellId, members);
        }
    }

    private void writeUe(UeMirror ue) {
        ue.pending = false;
        ue.lastWriteNanos = System.nanoTime();
        ObjectNode attributes = ue.attributes();
        write(() -> tree.upsertFlex(tree.path(MecResourceTree.UES), ResourceNames.of(ue.address),
                Specialization.UE_INFO, attributes, labels("ue", ue.address), history()));
    }

    private void writeCell(String cellId, Set<String> members) {
        ObjectNode con = JsonNodeFactory.instance.objectNode().put("cellId", cellId);
        ArrayNode list = con.putArray("ues");
        members.forEach(list::add);
        write(() -> tree.upsertLatest(tree.path(MecResourceTree.CELLS), ResourceNames.of(cellId),
                labels("cell", cellId), Math.max(1, config.historySize()), con));
    }

    private void flush() {
        lock.lock();
        try {
            if (!running) {
                return;
            }
            for (UeMirror ue : ues.values()) {
                if (ue.pending) {
                    writeUe(ue);
                }
            }
        } finally {
            lock.unlock();
        }
        long now = System.nanoTime();
        if (repairNeeded && now - lastRepairNanos >= REPAIR_BACKOFF.toNanos()) {
            lastRepairNanos = now;
            resync();
        }
    }

    private void flushAll() {
        lock.lock();
        try {
            if (!running) {
                return;
            }
            ues.values().forEach(this::writeUe);
            cells.forEach(this::writeCell);
        } finally {
            lock.unlock();
        }
    }

    private void subscribeUser(String address) {
        if (location == null || userSubscriptions.containsKey(address)) {
            return;
        }
        safely("subscribe to the location of " + address, () -> {
            UserLocationEventSubscription s = location.subscribeUser(UserLocationEventSubscription.of(address,
                    locationCallback, List.of(LocationEventType.ENTERING_AREA_EVENT,
                            LocationEventType.LEAVING_AREA_EVENT),
                    new UserEventPara(null, UserEventPara.OccurrenceInfo.MULTIPLE_TIME_EVENT, true, null), null));
            userSubscriptions.put(address, s.links().self().href());
        });
    }

    /** One oneM2M write under the lock; a failure is logged and repaired by the next resync. */
    private void write(Runnable step) {
        lock.lock();
        try {
            step.run();
        } catch (RuntimeException e) {
            repairNeeded = true;
            LOG.warn("MEC IPE {}: oneM2M write failed, will resync: {}", config.aeName(), e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private Integer history() {
        return config.historySize() == 0 ? null : config.historySize();
    }

    private static List<String> labels(String type, String id) {
        return List.of(MecResourceTree.TECHNOLOGY_LABEL, "Iwked-Entity-Type:" + type, "Iwked-Entity-ID:" + id);
    }

    private static java.util.Optional<String> addressOf(List<AssociateId> ids) {
        if (ids == null) {
            return java.util.Optional.empty();
        }
        return ids.stream().filter(a -> a.type() == AssociateId.UE_IPV4_ADDRESS).findFirst()
                .map(a -> normalise(a.value()));
    }

    /** MEC 013 addresses are {@code acr:<ip>} URIs, MEC 012 associate ids bare IPs: both map to the acr form. */
    static String normalise(String address) {
        return address.startsWith(ADDRESS_SCHEME) ? address : ADDRESS_SCHEME + address;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private void safely(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warn("MEC IPE {}: could not {}: {}", config.aeName(), what, e.toString());
        }
    }

    private void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.debug("MEC IPE {}: cleanup step failed: {}", config.aeName(), e.toString());
        }
    }
}
