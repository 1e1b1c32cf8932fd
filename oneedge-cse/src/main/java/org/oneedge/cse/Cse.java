package org.oneedge.cse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.access.AccessControlExtension;
import org.oneedge.cse.container.ContainerHandler;
import org.oneedge.cse.container.ContentInstanceHandler;
import org.oneedge.cse.location.LocationPolicyHandler;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.event.ResourceEventListener;
import org.oneedge.cse.expiry.ExpirySweeper;
import org.oneedge.cse.flex.FlexContainerExtension;
import org.oneedge.cse.group.GroupExtension;
import org.oneedge.cse.node.NodeExtension;
import org.oneedge.cse.polling.PollingChannelExtension;
import org.oneedge.cse.registration.AeHandler;
import org.oneedge.cse.registration.CseBaseHandler;
import org.oneedge.cse.remote.RemoteCseHandler;
import org.oneedge.cse.request.NonBlockingRequestExtension;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Write;
import org.oneedge.cse.subscription.SubscriptionExtension;
import org.oneedge.cse.timeseries.TimeSeriesExtension;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A oneM2M CSE: transport-free; bindings hand it {@link Request}s and send back its {@link Response}s
 * (ARCHITECTURE.md "Transport-free core"). Built with {@link #builder()}, started with {@link #start()} (creates the
 * CSEBase if absent, starts the expiry sweep and the extensions), closed with {@link #close()} (does not close the
 * store). The request path is drawn in the package documentation.
 *
 * <pre>
 *  Cse cse = Cse.builder().config(CseConfig.defaults()).store(new InMemoryResourceStore()).build();
 *  cse.start();
 *  Response r = cse.send(Request.builder().operation(Operation.RETRIEVE).to("cse-in").from("CAdmin")
 *          .releaseVersion("3").requestId("1").build());
 * </pre>
 */
public final class Cse implements CseClient, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Cse.class);

    private final Engine engine;
    private final List<RemoteSender> remoteSenders;
    private final List<CseExtension> extensions;
    private final List<Function<Request, Response>> interceptors;
    private final ExpirySweeper sweeper;
    private volatile boolean started;

    private Cse(Engine engine, List<RemoteSender> remoteSenders, List<CseExtension> extensions,
                List<Function<Request, Response>> interceptors) {
        this.engine = engine;
        this.interceptors = List.copyOf(interceptors);
        this.remoteSenders = List.copyOf(remoteSenders);
        this.extensions = List.copyOf(extensions);
        this.sweeper = new ExpirySweeper(engine.store, engine.clock.clock(), engine.config.expirySweepInterval(),
                resource -> engine.delete.delete(resource, engine.config.cseId(), ResourceEvent.Cause.EXPIRED, null));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates or refreshes the CSEBase, then starts the expiry sweep and the extensions. Idempotent. */
    public synchronized void start() {
        if (started) {
            return;
        }
        ensureCseBase();
        started = true;
        sweeper.start();
        for (CseExtension extension : extensions) {
            extension.start();
        }
        LOG.info("CSE {} started: CSEBase {}, type {}, releases {}, {} resource types, store {}",
                engine.config.cseId(), engine.config.cseBaseName(), engine.config.cseType(),
                engine.config.supportedReleaseVersions(), engine.handlers.all().size(),
                engine.store.getClass().getSimpleName());
    }

    /**
     * Processes one request primitive; never throws for bad input (the status code and {@code m2m:dbg} say what was
     * wrong). Safe to call from many threads. The response content may share JSON nodes with the store, so callers
     * must treat it as read-only (copy before changing).
     */
    @Override
    public Response send(Request request) {
        if (!started) {
            return Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "the CSE has not been started")
                    .withRequestId(request.requestId()).withReleaseVersion(request.releaseVersion());
        }
        for (Function<Request, Response> interceptor : interceptors) {
            Response intercepted = engine.intercept(interceptor, request);
            if (intercepted != null) {
                return intercepted;
            }
        }
        return engine.process(request);
    }

    public CseConfig config() {
        return engine.config;
    }

    /** The senders for notifications and forwarded requests, as given to the builder. */
    public List<RemoteSender> remoteSenders() {
        return remoteSenders;
    }

    /** Deletes every resource whose {@code et} has passed, now; the background sweep does the same periodically. */
    public int sweepExpired() {
        return sweeper.sweep();
    }

    @Override
    public synchronized void close() {
        if (!started) {
            return;
        }
        started = false;
        for (int i = extensions.size() - 1; i >= 0; i--) {
            try {
                extensions.get(i).stop();
            } catch (RuntimeException e) {
                LOG.warn("extension {} failed to stop: {}", extensions.get(i).getClass().getName(), e.toString());
            }
        }
        sweeper.close();
        LOG.info("CSE {} stopped", engine.config.cseId());
    }

    private void ensureCseBase() {
        CseConfig config = engine.config;
        Instant now = engine.clock.next();
        Optional<Resource> existing = engine.store.get(config.cseIdWithoutSlash());
        ObjectNode attributes = existing.map(r -> r.attributes().deepCopy()).orElseGet(() -> {
            ObjectNode a = ContentCodec.object();
            String ct = TimestampCodec.format(now);
            a.put("ty", ResourceType.CSE_BASE.ty());
            a.put("ri", config.cseIdWithoutSlash());
            a.put("rn", config.cseBaseName());
            a.put("pi", "");
            a.put("ct", ct);
            a.put("lt", ct);
            return a;
        });
        attributes.put("cst", config.cseType().code());
        attributes.put("csi", config.cseId());
        attributes.put("spi", config.spId());
        ArrayNode srt = attributes.putArray("srt");
        engine.handlers.all().stream().map(h -> h.type().ty()).sorted().forEach(srt::add);
        ArrayNode poa = attributes.putArray("poa");
        config.pointOfAccess().forEach(poa::add);
        ArrayNode srv = attributes.putArray("srv");
        config.supportedReleaseVersions().forEach(srv::add);
        if (existing.isPresent()) {
            Resource r = existing.get();
            if (!r.attributes().equals(attributes)) {
                attributes.put("lt", TimestampCodec.format(now));
                engine.store.apply(new Write.Update(new Resource(r.ri(), r.pi(), r.type(), r.rn(), r.path(),
                        r.createdAt(), now, null, attributes)));
            }
        } else {
            engine.store.apply(new Write.Create(new Resource(config.cseIdWithoutSlash(), "", ResourceType.CSE_BASE,
                    config.cseBaseName(), config.cseBaseName(), now, now, null, attributes)));
            LOG.info("created CSEBase {} ({})", config.cseBaseName(), config.cseId());
        }
    }

    /**
     * Wires a {@link Cse}. Defaults: {@link CseConfig#defaults()}, an {@link InMemoryResourceStore}, the UTC system
     * clock, {@link Forwarder#none()}, handlers for CSEBase, AE, remoteCSE, container and contentInstance, access control
     * policies ({@link AccessControlExtension}, unless an access checker is given), subscriptions
     * ({@link SubscriptionExtension}), groups ({@link GroupExtension}), nodes with management objects
     * ({@link NodeExtension}), flexContainers ({@link FlexContainerExtension}), timeSeries
     * ({@link TimeSeriesExtension}), non-blocking requests ({@link NonBlockingRequestExtension}) and polling
     * channels ({@link PollingChannelExtension}, always installed first). Handlers given here replace a default for
     * the same type.
     */
    public static final class Builder {
        private CseConfig config = CseConfig.defaults();
        private ResourceStore store;
        private Clock clock = Clock.systemUTC();
        private AccessChecker accessChecker; // null: access control policies
        private Forwarder forwarder = Forwarder.none();
        private final List<RemoteSender> remoteSenders = new ArrayList<>();
        private final List<ResourceHandler> handlers = new ArrayList<>();
        private final List<ResourceEventListener> listeners = new ArrayList<>();
        private final List<CseExtension> extensions = new ArrayList<>();

        private Builder() {
        }

        public Builder config(CseConfig value) {
            config = value;
            return this;
        }

        public Builder store(ResourceStore value) {
            store = value;
            return this;
        }

        /** Adds a sender for notifications and forwarded requests; repeatable (one per URL scheme). */
        public Builder remoteSender(RemoteSender value) {
            remoteSenders.add(value);
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder accessChecker(AccessChecker value) {
            accessChecker = value;
            return this;
        }

        public Builder forwarder(Forwarder value) {
            forwarder = value;
            return this;
        }

        /** Adds or replaces the handler of a resource type; repeatable. */
        public Builder handler(ResourceHandler value) {
            handlers.add(value);
            return this;
        }

        /** Adds an event listener; repeatable, called in registration order. */
        public Builder listener(ResourceEventListener value) {
            listeners.add(value);
            return this;
        }

        /** Adds a feature with its own handlers, listeners and background work; repeatable. */
        public Builder extension(CseExtension value) {
            extensions.add(value);
            return this;
        }

        public Cse build() {
            ResourceStore theStore = store != null ? store : new InMemoryResourceStore();
            Map<ResourceType, ResourceHandler> table = new EnumMap<>(ResourceType.class);
            for (ResourceHandler h : List.of(new CseBaseHandler(), new AeHandler(), new RemoteCseHandler(), new ContainerHandler(),
                    new ContentInstanceHandler(), new LocationPolicyHandler())) {
                table.put(h.type(), h);
            }
            for (ResourceHandler h : handlers) {
                table.put(h.type(), h);
            }
            List<ResourceEventListener> allListeners = new ArrayList<>(listeners);
            List<Function<Request, Response>> interceptors = new ArrayList<>();
            AccessChecker[] checker = {accessChecker != null ? accessChecker : AccessChecker.allowAll()};
            List<CseExtension> allExtensions = new ArrayList<>();
            if (accessChecker == null && extensions.stream().noneMatch(AccessControlExtension.class::isInstance)) {
                allExtensions.add(new AccessControlExtension());
            }
            if (extensions.stream().noneMatch(SubscriptionExtension.class::isInstance)) {
                allExtensions.add(new SubscriptionExtension(() -> checker[0]));
            }
            if (extensions.stream().noneMatch(GroupExtension.class::isInstance)) {
                allExtensions.add(new GroupExtension(() -> checker[0]));
            }
            if (extensions.stream().noneMatch(NodeExtension.class::isInstance)) {
                allExtensions.add(new NodeExtension());
            }
            if (extensions.stream().noneMatch(FlexContainerExtension.class::isInstance)) {
                allExtensions.add(new FlexContainerExtension());
            }
            if (extensions.stream().noneMatch(TimeSeriesExtension.class::isInstance)) {
                allExtensions.add(new TimeSeriesExtension());
            }
            if (extensions.stream().noneMatch(NonBlockingRequestExtension.class::isInstance)) {
                allExtensions.add(new NonBlockingRequestExtension());
            }
            allExtensions.addAll(extensions);
            // polling channels first: they add the sender that notification delivery (subscriptions) needs
            PollingChannelExtension polling = extensions.stream().filter(PollingChannelExtension.class::isInstance)
                    .map(PollingChannelExtension.class::cast).findFirst().orElseGet(PollingChannelExtension::new);
            allExtensions.remove(polling);
            allExtensions.addFirst(polling);
            CseRef ref = new CseRef();
            for (CseExtension extension : allExtensions) {
                extension.install(new CseExtension.Installation() {
                    @Override public CseConfig config() { return config; }
                    @Override public ResourceStore store() { return theStore; }
                    @Override public Clock clock() { return clock; }
                    @Override public List<RemoteSender> remoteSenders() { return List.copyOf(remoteSenders); }
                    @Override public CseClient cse() { return ref; }
                    @Override public void handler(ResourceHandler handler) { table.put(handler.type(), handler); }
                    @Override public void listener(ResourceEventListener listener) { allListeners.add(listener); }
                    @Override public void remoteSender(RemoteSender sender) { remoteSenders.add(sender); }
                    @Override public String rootKey(Resource resource) {
                        ResourceHandler h = table.get(resource.type());
                        return h == null ? resource.type().rootKey() : h.rootKey(resource);
                    }
                    @Override public void interceptor(Function<Request, Response> value) { interceptors.add(value); }
                    @Override public void accessChecker(AccessChecker value) { checker[0] = value; }
                });
            }
            Engine engine = new Engine(config, theStore, new CreationClock(clock), new HandlerTable(table),
                    checker[0], new EventBus(allListeners), polling.forwarder(forwarder));
            Cse cse = new Cse(engine, remoteSenders, allExtensions, interceptors);
            ref.cse = cse;
            return cse;
        }
    }

    /** Lets extensions hold the CSE before it exists. */
    private static final class CseRef implements CseClient {
        private volatile Cse cse;

        @Override
        public Response send(Request request) {
            return cse.send(request);
        }
    }

}
