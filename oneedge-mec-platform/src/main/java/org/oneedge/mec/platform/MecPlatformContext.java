package org.oneedge.mec.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.oneedge.mec.platform.appsupport.AppInstanceRegistry;
import org.oneedge.mec.platform.http.NotificationSender;
import org.oneedge.mec.platform.metrics.HostMetricsSource;
import org.oneedge.mec.platform.metrics.HostMetricsSources;
import org.oneedge.mec.platform.servicemgmt.ServiceRegistry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The shared pieces of one running {@link MecPlatform} that every {@link MecApi} is built with: configuration and
 * clock, the JSON mapper, the notification sender, a scheduler for periodic work, subscription registries whose
 * expiry the platform drives, and the platform's public base URL once it listens.
 */
public final class MecPlatformContext {

    private final MecPlatformConfig config;
    private final ObjectMapper mapper;
    private final NotificationSender notifications;
    private final ScheduledExecutorService scheduler;
    private final AppInstanceRegistry appInstances;
    private final ServiceRegistry serviceRegistry;
    private final List<SubscriptionRegistry<?>> registries = new CopyOnWriteArrayList<>();
    private volatile String baseUrl;

    private final HostMetricsSources hostMetrics;

    MecPlatformContext(MecPlatformConfig config, ObjectMapper mapper, NotificationSender notifications,
                       ScheduledExecutorService scheduler, Map<String, HostMetricsSource> metricsOverrides) {
        this.config = config;
        this.mapper = mapper;
        this.notifications = notifications;
        this.scheduler = scheduler;
        this.appInstances = new AppInstanceRegistry(config.appTerminationGracePeriod(), scheduler);
        this.serviceRegistry = new ServiceRegistry(config.clock());
        this.hostMetrics = new HostMetricsSources(config.hostNames(), metricsOverrides);
    }

    /**
     * Where each MEC host's load figures come from; the emulator sets emulated hosts' figures with
     * {@code hostMetrics().emulated("mep1").ifPresent(m -> m.update(s -> s.withRadioLoad(0.7)))}.
     */
    public HostMetricsSources hostMetrics() {
        return hostMetrics;
    }

    /** The MEC application instances (MEC 011 registration state, shared by app support, service mgmt and LCM). */
    public AppInstanceRegistry appInstances() {
        return appInstances;
    }

    /** The MEC 011 service registry. */
    public ServiceRegistry serviceRegistry() {
        return serviceRegistry;
    }

    public MecPlatformConfig config() {
        return config;
    }

    public Clock clock() {
        return config.clock();
    }

    /** The configured MEC host names (the {@code /{hostName}/...} views). */
    public List<String> hostNames() {
        return config.hostNames();
    }

    public boolean isKnownHost(String hostName) {
        return config.hostNames().contains(hostName);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Sends notifications to callback URLs (queued, retried); see {@link NotificationSender}. */
    public NotificationSender notifications() {
        return notifications;
    }

    /** A scheduler for periodic platform work (runs on platform threads; keep tasks short). */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** A new subscription registry whose {@code expiryDeadline}s the platform checks periodically. */
    public <S> SubscriptionRegistry<S> newSubscriptionRegistry(String idPrefix) {
        SubscriptionRegistry<S> registry = new SubscriptionRegistry<>(idPrefix, config.clock());
        registries.add(registry);
        return registry;
    }

    /**
     * The URL clients reach the platform at (no trailing slash), e.g. {@code http://127.0.0.1:41234};
     * available once the platform has started.
     */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("the MEC platform has not started yet");
        }
        return baseUrl;
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** Expires due subscriptions in all registries (called by the platform's ticker; tests may call it). */
    public void expireSubscriptions() {
        for (SubscriptionRegistry<?> registry : registries) {
            registry.expireDue();
        }
    }
}
