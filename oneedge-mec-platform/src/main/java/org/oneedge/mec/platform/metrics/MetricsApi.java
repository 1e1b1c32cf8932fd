package org.oneedge.mec.platform.metrics;

import org.oneedge.mec.api.common.ExpiryNotification;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.api.metrics.HostMetrics;
import org.oneedge.mec.api.metrics.MetricsThresholdNotification;
import org.oneedge.mec.api.metrics.MetricsThresholdSubscription;
import org.oneedge.mec.api.metrics.ThresholdDirection;
import org.oneedge.mec.platform.MecApi;
import org.oneedge.mec.platform.MecPlatformContext;
import org.oneedge.mec.platform.MecServiceDescription;
import org.oneedge.mec.platform.SubscriptionRegistry;
import org.oneedge.mec.platform.http.MecExchange;
import org.oneedge.mec.platform.http.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The OneEdge platform metrics service ({@code /metrics/v1}; not ETSI-standard, written in the MEC 009 REST style and
 * registered in the service registry with category {@code Metrics}): per-host load figures from
 * {@link HostMetricsSource}s, and threshold subscriptions notified when a metric crosses the threshold in the
 * subscribed direction (edge-triggered: once per crossing; the state at subscription time is the baseline).
 *
 * <pre>
 *   GET    /hosts                  all hosts (a host view lists only its host)
 *   GET    /hosts/{hostName}
 *   GET    /subscriptions          POST /subscriptions   GET|DELETE /subscriptions/{subscriptionId}
 * </pre>
 */
public final class MetricsApi implements MecApi {

    public static final String BASE_PATH = "/metrics/v1";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsApi.class);

    private final MecPlatformContext ctx;
    private final HostMetricsSources sources;
    private final Duration sampleInterval;
    private final SubscriptionRegistry<MetricsThresholdSubscription> subscriptions;
    /** Per subscription id and host: whether the threshold condition held at the last evaluation. */
    private final Map<String, Map<String, Boolean>> beyond = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sampler;

    public MetricsApi(MecPlatformContext ctx, HostMetricsSources sources, Duration sampleInterval) {
        this.ctx = ctx;
        this.sources = sources;
        this.sampleInterval = sampleInterval;
        this.subscriptions = ctx.newSubscriptionRegistry("metricsub-");
        subscriptions.onExpiry(e -> {
            beyond.remove(e.id());
            ctx.notifications().send(e.callback(), ExpiryNotification.of(TimeStamp.of(ctx.clock().instant()),
                    e.subscription().expiryDeadline(), e.subscription().links().self().href()));
        });
        for (String host : sources.hostNames()) {
            sources.emulated(host).ifPresent(em -> em.onChange(() -> evaluate(host)));
        }
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public Optional<MecServiceDescription> service() {
        return Optional.of(new MecServiceDescription("metrics", "Metrics", "v1"));
    }

    @Override
    public void start() {
        long ms = sampleInterval.toMillis();
        sampler = ctx.scheduler().scheduleWithFixedDelay(this::evaluateAll, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (sampler != null) {
            sampler.cancel(false);
        }
    }

    @Override
    public void register(Routes routes) {
        routes.get("/hosts", ex -> {
            ex.allowOnlyQueryParams();
            List<String> hosts = ex.hostName() == null ? sources.hostNames() : List.of(ex.hostName());
            ex.ok(hosts.stream().map(h -> present(h, ex)).toList());
        });
        routes.get("/hosts/{hostName}", ex -> ex.ok(present(ex.pathParam("hostName"), ex)));
        routes.get("/subscriptions", ex -> ex.ok(subscriptions.matching(e -> e.visibleFrom(ex.hostName())).stream()
                .map(SubscriptionRegistry.Entry::subscription).toList()));
        routes.post("/subscriptions", this::subscribe);
        routes.get("/subscriptions/{subscriptionId}", ex -> ex.ok(requireSubscription(ex).subscription()));
        routes.delete("/subscriptions/{subscriptionId}", ex -> {
            String id = requireSubscription(ex).id();
            subscriptions.remove(id);
            beyond.remove(id);
            ex.noContent();
        });
    }

    private HostMetrics present(String host, MecExchange ex) {
        HostMetricsSample s = sources.source(host).read();
        return new HostMetrics(host, s.cpuLoad(), s.memoryUsed(), s.memoryTotal(), s.networkThroughputBps(),
                s.latencyMs(), s.radioLoad(), TimeStamp.of(ctx.clock().instant()),
                new HostMetrics.Links(LinkType.of(ex.href("/hosts/" + host))));
    }

    private void subscribe(MecExchange ex) {
        MetricsThresholdSubscription body = ex.body(MetricsThresholdSubscription.class);
        String host = body.hostName() != null ? body.hostName() : ex.hostName();
        if (host != null && !ctx.isKnownHost(host)) {
            throw MecProblemException.badRequest("hostName '" + host + "' is not a MEC host; known hosts are "
                    + ctx.hostNames());
        }
        if (ex.hostName() != null && !ex.hostName().equals(host)) {
            throw MecProblemException.badRequest("hostName '" + host + "' differs from the host view '"
                    + ex.hostName() + "'");
        }
        URI callback;
        try {
            callback = URI.create(body.callbackReference());
            if (!"http".equals(callback.getScheme()) && !"https".equals(callback.getScheme())) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw MecProblemException.badRequest("callbackReference must be an http(s) URL, was '"
                    + body.callbackReference() + "'");
        }
        Instant deadline = body.expiryDeadline() == null ? null : body.expiryDeadline().toInstant();
        var entry = subscriptions.add(ex.hostName(), null, callback, deadline, id -> new MetricsThresholdSubscription(
                MetricsThresholdSubscription.TYPE, body.callbackReference(), host, body.metric(), body.threshold(),
                body.direction(), body.expiryDeadline(),
                new MetricsThresholdSubscription.Links(LinkType.of(ex.href("/subscriptions/" + id)))));
        Map<String, Boolean> baseline = new ConcurrentHashMap<>();
        for (String h : watchedHosts(entry.subscription())) {
            baseline.put(h, isBeyond(entry.subscription(), h));
        }
        beyond.put(entry.id(), baseline);
        ex.created(entry.subscription().links().self().href(), entry.subscription());
    }

    private SubscriptionRegistry.Entry<MetricsThresholdSubscription> requireSubscription(MecExchange ex) {
        String id = ex.pathParam("subscriptionId");
        return subscriptions.get(id, ex.hostName(), null)
                .orElseThrow(() -> MecProblemException.notFound("no metrics subscription '" + id + "'"));
    }

    private List<String> watchedHosts(MetricsThresholdSubscription s) {
        return s.hostName() == null ? sources.hostNames() : List.of(s.hostName());
    }

    private boolean isBeyond(MetricsThresholdSubscription s, String host) {
        double value = value(s, host);
        return s.direction() == ThresholdDirection.ABOVE ? value > s.threshold() : value < s.threshold();
    }

    private double value(MetricsThresholdSubscription s, String host) {
        HostMetricsSample m = sources.source(host).read();
        return switch (s.metric()) {
            case CPU_LOAD -> m.cpuLoad();
            case MEMORY_USED -> m.memoryUsed();
            case MEMORY_TOTAL -> m.memoryTotal();
            case NETWORK_THROUGHPUT_BPS -> m.networkThroughputBps();
            case LATENCY_MS -> m.latencyMs();
            case RADIO_LOAD -> m.radioLoad();
        };
    }

    private void evaluateAll() {
        try {
            sources.hostNames().forEach(this::evaluate);
        } catch (RuntimeException e) {
            LOG.warn("Metrics threshold evaluation failed", e);
        }
    }

    /** Notifies subscriptions on {@code host} whose condition became true since the last evaluation. */
    private synchronized void evaluate(String host) {
        for (var e : subscriptions.all()) {
            MetricsThresholdSubscription s = e.subscription();
            Map<String, Boolean> state = beyond.get(e.id());
            if (state == null || (s.hostName() != null && !s.hostName().equals(host))) {
                continue;
            }
            boolean now = isBeyond(s, host);
            Boolean before = state.put(host, now);
            if (now && !Boolean.TRUE.equals(before)) {
                LOG.debug("Metric {} of {} crossed {} {} (subscription {})", s.metric(), host, s.direction(),
                        s.threshold(), e.id());
                ctx.notifications().send(e.callback(), new MetricsThresholdNotification(
                        MetricsThresholdNotification.TYPE, host, s.metric(), s.threshold(), s.direction(),
                        value(s, host), TimeStamp.of(ctx.clock().instant()),
                        new MetricsThresholdNotification.Links(s.links().self())));
            }
        }
    }
}
