package org.oneedge.interworking.thirdparty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.oneedge.binding.http.HttpBindingConfig;
import org.oneedge.binding.http.HttpNotificationReceiver;
import org.oneedge.interworking.ipe.ResourceNames;
import org.oneedge.client.OneM2MClient;
import org.oneedge.client.RemoteResource;
import org.oneedge.model.CseClient;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generic Interworking Proxy Entity for non-oneM2M devices (TS-0001 Annex F, ONEM2M-DIGEST 10): a
 * {@link DeviceProtocol} reports devices and readings, and this IPE keeps one {@code <AE>} per device with its
 * containers and flexContainers in a CSE, reached only through a {@link CseClient} (so it runs next to the CSE or
 * on another node). Applications command a device by adding a contentInstance to its command container or by
 * updating a command attribute of one of its flexContainers; the IPE's subscriptions turn that into a message the
 * protocol delivers.
 *
 * <pre>
 *   protocol thread ─deviceAppeared/telemetry─▶ queue ─▶ worker ─▶ DeviceTree (ensure AE, containers; cin; flex)
 *   CSE ─NOTIFY (cin in cmd, flex update)─▶ HttpNotificationReceiver ─▶ queue ─▶ worker ─▶ protocol.sendCommand
 * </pre>
 *
 * One worker thread keeps a device's events in order. A failed oneM2M write (the contentInstance, then the
 * flexContainer updates, each on its own) is logged with the device id and retried once after re-checking the
 * device's resources (the CSE may have lost them); the IPE keeps serving.
 */
public final class ThirdPartyIpe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ThirdPartyIpe.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long start() waits for the devices of an earlier run to be found. */
    private static final java.time.Duration RESTORE_WAIT = java.time.Duration.ofSeconds(10);
    private static final String TECHNOLOGY_LABEL = "Iwked-Technology:";
    private static final String ENTITY_LABEL = "Iwked-Entity-ID:";

    /** Where a command resource's notifications go: a device, and the flexContainer (null = command container). */
    private record Route(String deviceId, FlexMapping flex) {
    }

    private final CseClient cse;
    private final ThirdPartyIpeConfig config;
    private final DeviceProtocol protocol;
    private final HttpNotificationReceiver receiver;
    private final Map<String, DeviceTree> devices = new ConcurrentHashMap<>();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> commandState = new ConcurrentHashMap<>();
    private final Set<String> interworked = ConcurrentHashMap.newKeySet();
    private final List<Consumer<String>> interworkedListeners = new CopyOnWriteArrayList<>();
    private ExecutorService worker;
    private volatile boolean running;

    public ThirdPartyIpe(CseClient cse, ThirdPartyIpeConfig config, DeviceProtocol protocol) {
        this.cse = Objects.requireNonNull(cse, "cse");
        this.config = Objects.requireNonNull(config, "config");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.receiver = new HttpNotificationReceiver(HttpBindingConfig.loopbackAnyPort().toBuilder()
                .host(config.notificationHost()).port(config.notificationPort()).build(),
                n -> submit("handle a command notification", () -> onNotification(n)));
    }

    /** Starts the notification receiver, then the protocol. An IPE runs once: build a new one to run again. */
    public synchronized ThirdPartyIpe start() {
        if (worker != null) {
            throw new IllegalStateException("IPE already started");
        }
        worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("ipe-" + protocol.technology()).factory());
        receiver.start();
        running = true;
        awaitRestored(submit("find the devices of an earlier run", this::restoreDevices)); // before any reading
        try {
            protocol.start(new DeviceListener() {
                @Override
                public void deviceAppeared(String deviceId) {
                    submit("register device " + deviceId, () -> withDevice(deviceId, d -> { }));
                }

                @Override
                public void telemetry(String deviceId, ObjectNode reading) {
                    submit("store a reading of device " + deviceId, () -> {
                        withDevice(deviceId, d -> d.storeReading(reading));
                        withDevice(deviceId, d -> d.updateFlexContainers(reading, notificationUrl(),
                                routesTo(deviceId), commandState));
                    });
                }
            });
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("IPE for {} devices writes into {} (notifications at {})", protocol.technology(),
                config.cseBaseName(), notificationUrl());
        return this;
    }

    /** Waits (bounded) until the devices of an earlier run take commands again, so they do once start() returns. */
    private void awaitRestored(Future<?> restored) {
        try {
            restored.get(RESTORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("IPE for {} devices: finding the devices of an earlier run takes longer than {}; starting anyway",
                    protocol.technology(), RESTORE_WAIT);
        } catch (ExecutionException e) {
            LOG.warn("IPE for {} devices: finding the devices of an earlier run failed: {}", protocol.technology(),
                    e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the protocol, finishes queued work and stops the receiver; the oneM2M resources stay. Idempotent. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        quietly(protocol::close);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        receiver.stop();
        LOG.info("IPE for {} devices stopped", protocol.technology());
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Tells {@code listener} the id of each device once its AE and containers exist (once per device and run, on
     * the IPE's worker thread: keep it short).
     */
    public void addInterworkedListener(Consumer<String> listener) {
        interworkedListeners.add(listener);
    }

    /** The structured path of a device's AE, e.g. {@code cse-in/dev-d1}. */
    public String aePath(String deviceId) {
        return config.cseBaseName() + "/" + config.aeNamePrefix() + ResourceNames.of(deviceId);
    }

    /** The AE-ID of a device, e.g. {@code Cdev-d1}. */
    public String aeId(String deviceId) {
        return "C" + config.aeNamePrefix() + ResourceNames.of(deviceId);
    }

    /** The URL the CSE sends command notifications to. */
    public String notificationUrl() {
        String url = receiver.url();
        return config.notificationAdvertisedHost() == null ? url
                : url.replaceFirst("//[^:/]+", "//" + config.notificationAdvertisedHost());
    }

    // ------------------------------------------------------------------ device -> oneM2M

    private void withDevice(String deviceId, Consumer<DeviceTree> step) {
        DeviceTree device = devices.computeIfAbsent(deviceId,
                id -> new DeviceTree(cse, config, protocol.technology(), id, protocol.model(id)));
        for (int attempt = 1; ; attempt++) {
            try {
                device.ensure(notificationUrl(), routesTo(deviceId));
                if (interworked.add(deviceId)) {
                    LOG.info("Device {} interworked as AE {} at {}", deviceId, device.aeId(), device.aePath());
                    interworkedListeners.forEach(l -> l.accept(deviceId));
                }
                step.accept(device);
                return;
            } catch (RuntimeException e) {
                device.invalidate();
                if (attempt >= 2) {
                    LOG.warn("Device {}: oneM2M write failed, event dropped: {}", deviceId, e.getMessage());
                    return;
                }
                LOG.info("Device {}: oneM2M write failed ({}); re-checking its resources", deviceId, e.getMessage());
            }
        }
    }

    /**
     * Rebuilds the command routes from the CSE (TS-0001 Annex F: the IPE's state lives in the resources): every
     * device AE of this IPE's technology under the CSEBase gets its command subscriptions pointed here again, so a
     * command right after a restart reaches the device without waiting for a reading.
     */
    private void restoreDevices() {
        if (config.adminOriginator() == null) {
            return;
        }
        OneM2MClient admin = OneM2MClient.builder(cse).cseBase(config.cseBaseName())
                .originator(config.adminOriginator()).build();
        List<String> found;
        try {
            found = admin.discover(config.cseBaseName(), new FilterCriteria(1, null, List.of(ResourceType.AE.ty()),
                    List.of(TECHNOLOGY_LABEL + protocol.technology()), null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, Map.of()));
        } catch (RuntimeException e) {
            LOG.warn("IPE for {} devices could not look up the devices of an earlier run ({}); commands reach each"
                    + " again with its first reading", protocol.technology(), e.getMessage());
            return;
        }
        int restored = 0;
        for (String path : found) {
            String deviceId = deviceIdOf(admin, path);
            if (deviceId != null && !devices.containsKey(deviceId)) {
                withDevice(deviceId, d -> d.restoreFlexContainers(notificationUrl(), routesTo(deviceId), commandState));
                restored++;
            }
        }
        LOG.info("IPE for {} devices: {} device(s) of an earlier run take commands again", protocol.technology(),
                restored);
    }

    /** The device id from the {@code Iwked-Entity-ID} label of one of this IPE's device AEs, else null. */
    private String deviceIdOf(OneM2MClient admin, String path) {
        try {
            RemoteResource ae = admin.retrieve(path);
            if (!config.appId().equals(ae.text("api")) || ae.get("lbl") == null) {
                return null;
            }
            for (JsonNode label : ae.get("lbl")) {
                String l = label.asText();
                if (l.startsWith(ENTITY_LABEL)) {
                    String id = l.substring(ENTITY_LABEL.length());
                    return ae.text("rn") != null && ae.text("rn").equals(config.aeNamePrefix() + ResourceNames.of(id))
                            ? id : null;
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("IPE: {} not readable: {}", path, e.getMessage());
        }
        return null;
    }

    private BiConsumer<String, FlexMapping> routesTo(String deviceId) {
        return (ri, flex) -> routes.put(ri, new Route(deviceId, flex));
    }

    // ------------------------------------------------------------------ oneM2M -> device

    private void onNotification(Request notification) {
        JsonNode rep = notification.content() == null ? null
                : notification.content().path("m2m:sgn").path("nev").path("rep");
        if (rep == null || !rep.isObject() || rep.isEmpty()) {
            return;
        }
        Map.Entry<String, JsonNode> resource = rep.properties().iterator().next();
        JsonNode attributes = resource.getValue();
        if ("m2m:cin".equals(resource.getKey())) {
            Route route = routes.get(attributes.path("pi").asText(""));
            if (route != null && route.flex() == null) {
                command(route.deviceId(), parse(attributes.get("con")));
            }
            return;
        }
        String ri = attributes.path("ri").asText("");
        Route route = routes.get(ri);
        if (route == null || route.flex() == null) {
            return;
        }
        ObjectNode now = DeviceTree.commandValues(route.flex(), attributes);
        JsonNode before = commandState.put(ri, now);
        ObjectNode command = JSON.createObjectNode();
        route.flex().commands().forEach((attribute, field) -> {
            if (now.has(attribute) && (before == null || !now.get(attribute).equals(before.get(attribute)))) {
                command.set(field, now.get(attribute));
            }
        });
        if (!command.isEmpty()) {
            command(route.deviceId(), command);
        }
    }

    private void command(String deviceId, JsonNode command) {
        if (command == null) {
            LOG.warn("Device {}: a command without content was ignored", deviceId);
            return;
        }
        LOG.info("Device {}: command {}", deviceId, command);
        protocol.sendCommand(deviceId, command);
    }

    /** A contentInstance's {@code con}: JSON as is; a string holding JSON is parsed, other strings stay strings. */
    private static JsonNode parse(JsonNode con) {
        if (con != null && con.isTextual()) {
            try {
                return JSON.readTree(con.asText());
            } catch (IOException e) {
                return con;
            }
        }
        return con;
    }

    private Future<?> submit(String what, Runnable step) {
        if (!running) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return worker.submit(() -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    LOG.warn("IPE could not {}: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("IPE stopping; dropped: {}", what);
            return CompletableFuture.completedFuture(null);
        }
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.debug("IPE cleanup step failed: {}", e.toString());
        }
    }

    /** Whether the IPE runs (started and not stopped). */
    public boolean isRunning() {
        return running;
    }

    /** The technology of its {@link DeviceProtocol}. */
    public String technology() {
        return protocol.technology();
    }

    /** The ids of the devices seen so far. */
    public Set<String> devices() {
        return Set.copyOf(devices.keySet());
    }
}
