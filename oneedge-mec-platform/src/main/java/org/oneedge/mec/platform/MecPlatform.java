package org.oneedge.mec.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.oneedge.mec.api.common.MecJson;
import org.oneedge.mec.api.servicemgmt.LocalityType;
import org.oneedge.mec.api.servicemgmt.SerializerType;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.oneedge.mec.api.servicemgmt.ServiceState;
import org.oneedge.mec.api.servicemgmt.TransportInfo;
import org.oneedge.mec.platform.appsupport.AppSupportApi;
import org.oneedge.mec.platform.http.MecHttpServer;
import org.oneedge.mec.platform.iot.IotApi;
import org.oneedge.mec.platform.lcm.AppInstantiator;
import org.oneedge.mec.platform.lcm.AppLcmApi;
import org.oneedge.mec.platform.lcm.AppPackageStore;
import org.oneedge.mec.platform.lcm.AppPkgMgmtApi;
import org.oneedge.mec.platform.lcm.TrackingAppInstantiator;
import org.oneedge.mec.platform.metrics.EmulatedHostMetrics;
import org.oneedge.mec.platform.metrics.HostMetricsSource;
import org.oneedge.mec.platform.metrics.MetricsApi;
import org.oneedge.mec.platform.http.NotificationSender;
import org.oneedge.mec.platform.http.Routes;
import org.oneedge.mec.platform.servicemgmt.ServiceMgmtApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An emulated ETSI MEC platform: one HTTP server that serves a set of {@link MecApi}s (system-wide at the root and
 * per MEC host under {@code /{hostName}}), with shared notification delivery and subscription expiry.
 *
 * <pre>{@code
 * try (MecPlatform mec = MecPlatform.builder()
 *         .config(MecPlatformConfig.builder().hostNames("mep1", "mep2").build())
 *         .api(RniApi::new)                       // more APIs, e.g. from the emulator module
 *         .build().start()) {
 *     String url = mec.baseUrl();                 // e.g. http://127.0.0.1:41234
 * }
 * }</pre>
 */
public final class MecPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MecPlatform.class);

    private final MecPlatformConfig config;
    private final MecPlatformContext context;
    private final NotificationSender notifications;
    private final ScheduledExecutorService scheduler;
    private final List<MecApi> apis;
    private MecHttpServer server;
    private boolean started;
    private boolean stopped;

    private MecPlatform(Builder builder) {
        this.config = builder.config;
        ObjectMapper mapper = MecJson.newObjectMapper();
        this.notifications = new NotificationSender(new NotificationSender.Settings(config.notificationTimeout(),
                config.notificationMaxAttempts(), config.notificationInitialBackoff(),
                config.notificationQueueCapacity(), config.notificationLanes()), mapper);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mec-platform-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.context = new MecPlatformContext(config, mapper, notifications, scheduler, builder.hostMetrics);
        this.apis = new ArrayList<>();
        apis.add(new AppSupportApi(context, context.appInstances()));
        apis.add(new ServiceMgmtApi(context, context.serviceRegistry(), context.appInstances()));
        apis.add(new IotApi(context));
        AppPackageStore packages = new AppPackageStore();
        AppLcmApi lcm = new AppLcmApi(context, packages, builder.instantiator);
        apis.add(new AppPkgMgmtApi(context, packages, lcm::isInUse));
        apis.add(lcm);
        apis.add(new MetricsApi(context, context.hostMetrics(), config.metricsSampleInterval()));
        for (MecApi.Factory factory : builder.factories) {
            apis.add(Objects.requireNonNull(factory.create(context), "API factory returned null"));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the HTTP server, starts the APIs and the expiry ticker. Returns {@code this}. */
    public synchronized MecPlatform start() {
        if (started) {
            throw new IllegalStateException("MEC platform already started");
        }
        started = true;
        List<MecHttpServer.Mount> mounts = new ArrayList<>();
        for (MecApi api : apis) {
            Routes routes = new Routes();
            api.register(routes);
            mounts.add(new MecHttpServer.Mount(api.basePath(), routes));
        }
        server = new MecHttpServer(config.host(), config.port(), new LinkedHashSet<>(config.hostNames()), mounts,
                context.mapper(), notifications.websockets());
        server.start();
        context.baseUrl(config.publicBaseUrl() != null ? config.publicBaseUrl()
                : "http://" + reachableHost(config.host()) + ":" + server.port());
        registerPlatformServices();
        for (MecApi api : apis) {
            api.start();
        }
        long tick = config.expiryCheckInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::expireSafely, tick, tick, TimeUnit.MILLISECONDS);
        LOG.info("MEC platform started at {} with hosts {} and APIs {}", context.baseUrl(), config.hostNames(),
                apis.stream().map(MecApi::basePath).toList());
        return this;
    }

    /**
     * Registers each API's service in the MEC 011 registry: once system-wide ({@code MEC_SYSTEM}, root URL) and once
     * per MEC host ({@code MEC_HOST}, {@code /{host}} URL), so discovery from a host view finds its local instance.
     */
    private void registerPlatformServices() {
        for (MecApi api : apis) {
            api.service().ifPresent(d -> {
                registerPlatformService(d, null, context.baseUrl() + api.basePath());
                for (String host : config.hostNames()) {
                    registerPlatformService(d, host, context.baseUrl() + "/" + host + api.basePath());
                }
            });
        }
    }

    private void registerPlatformService(MecServiceDescription d, String host, String url) {
        ServiceInfo info = new ServiceInfo(null, d.serName(),
                ServiceMgmtApi.platformCategory(url, d.categoryName(), d.version()), d.version(), ServiceState.ACTIVE,
                null, TransportInfo.restHttp("rest-" + d.serName(), url), SerializerType.JSON,
                host == null ? LocalityType.MEC_SYSTEM : LocalityType.MEC_HOST, false, null, null, null);
        context.serviceRegistry().register(null, host, info);
    }

    private void expireSafely() {
        try {
            context.expireSubscriptions();
        } catch (RuntimeException e) {
            LOG.warn("Subscription expiry check failed", e);
        }
    }

    private static String reachableHost(String bindHost) {
        return switch (bindHost) {
            case "0.0.0.0", "::", "" -> "127.0.0.1";
            default -> bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
        };
    }

    /** Stops the APIs, the HTTP server and notification delivery. Idempotent. */
    public synchronized void stop() {
        if (!started || stopped) {
            return;
        }
        stopped = true;
        for (MecApi api : apis.reversed()) {
            try {
                api.stop();
            } catch (RuntimeException e) {
                LOG.warn("Stopping MEC API {} failed", api.basePath(), e);
            }
        }
        scheduler.shutdownNow();
        context.appInstances().abandonPendingShutdowns();
        notifications.websockets().closeAll(); // open websocket sessions would hold the server's graceful stop
        server.close();
        notifications.close();
        LOG.info("MEC platform stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** The URL the platform is reached at, e.g. {@code http://127.0.0.1:41234} (after {@link #start()}). */
    public String baseUrl() {
        return context.baseUrl();
    }

    /** The bound TCP port (after {@link #start()}). */
    public int port() {
        return server.port();
    }

    public MecPlatformConfig config() {
        return config;
    }

    /** The shared pieces (for components that live beside the APIs, such as an emulator). */
    public MecPlatformContext context() {
        return context;
    }

    /** The APIs served, in registration order. */
    public List<MecApi> apis() {
        return List.copyOf(apis);
    }

    /** Builds a {@link MecPlatform}; the platform's own APIs come first, then those added with {@link #api}. */
    public static final class Builder {
        private MecPlatformConfig config = MecPlatformConfig.defaults();
        private final List<MecApi.Factory> factories = new ArrayList<>();
        private AppInstantiator instantiator = new TrackingAppInstantiator();
        private final Map<String, HostMetricsSource> hostMetrics = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder config(MecPlatformConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** Adds an API, built with the platform's context when the platform is built. */
        public Builder api(MecApi.Factory factory) {
            factories.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * The SPI that runs app instances for MEC 010-2 lifecycle management (default: a
         * {@link TrackingAppInstantiator} that runs nothing).
         */
        public Builder appInstantiator(AppInstantiator value) {
            this.instantiator = Objects.requireNonNull(value, "appInstantiator");
            return this;
        }

        /**
         * Where a MEC host's metrics come from (default: an {@link EmulatedHostMetrics} per host); e.g.
         * {@code hostMetrics("mep1", new JvmHostMetrics())} for the machine the platform runs on.
         */
        public Builder hostMetrics(String hostName, HostMetricsSource source) {
            hostMetrics.put(Objects.requireNonNull(hostName, "hostName"), Objects.requireNonNull(source, "source"));
            return this;
        }

        public MecPlatform build() {
            return new MecPlatform(this);
        }
    }
}
