package org.oneedge.cse.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.event.ResourceEventListener;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns resource events into notifications (TS-0001 10.2.10, TS-0004 7.5.1.2.2, digest §6.2/§6.7): matches each
 * event against the subscriptions of the affected resource, builds the content per {@code nct}, counts down
 * {@code exc}, batches per {@code bn}, and hands deliveries to the {@link NotificationDispatcher}. It also sends the
 * deletion notification to {@code su} whenever a subscription goes (DELETE, expiry, {@code exc}, its parent deleted)
 * and drops targets that stay unreachable.
 *
 * <pre>
 *  engine ─ResourceEvent─► SubscriptionNotifier ─match enc─► content (nct) ─► [NotificationBatcher]
 *                                   │                                    ─► NotificationDispatcher ─► RemoteSender
 *                                   └─ exc / dead nu ─► SubscriptionMaintenance ─request─► engine
 * </pre>
 *
 * Events mapped: Created → net 3 on the parent's subscriptions; Updated → net 1; Deleted → net 2 on the deleted
 * resource (and on each deleted descendant) and net 4 on the parent's (not for capacity removals of content
 * instances, TS-0004 7.4.7.2.1); Retrieved of a container without content instances → net 5; an Updated
 * timeSeries whose {@code mdc} grew by {@code enc/md/num} points → net 8 with an {@code m2m:tsn}. {@code exc} is counted
 * when a notification is generated rather than when it is acknowledged, because delivery is asynchronous; so no more
 * than {@code exc} notifications are ever generated.
 */
public final class SubscriptionNotifier implements ResourceEventListener, DeliveryListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionNotifier.class);

    private final ResourceStore store;
    private final String cseId;
    private final String cseBasePath;
    private final String releaseVersion;
    private final SubscriptionIndex index = new SubscriptionIndex();
    private final NotificationTargetResolver resolver;
    private final NotificationDispatcher dispatcher;
    private final NotificationBatcher batcher;
    private final SubscriptionMaintenance maintenance;
    private final Map<String, Integer> remainingNotifications = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<String, java.util.Deque<Long>> missingPoints = new ConcurrentHashMap<>();
    private final java.util.function.Function<Resource, String> rootKeys;

    /**
     * @param cseBasePath    the CSEBase's path (its {@code rn}), to load existing subscriptions at start
     * @param releaseVersion the {@code rvi} put on NOTIFY requests
     * @param dispatcher     a dispatcher whose {@link DeliveryListener} is this notifier (see {@link #delivered})
     */
    public SubscriptionNotifier(ResourceStore store, String cseId, String cseBasePath, String releaseVersion,
                                NotificationTargetResolver resolver, NotificationDispatcher dispatcher,
                                SubscriptionMaintenance maintenance) {
        this(store, cseId, cseBasePath, releaseVersion, resolver, dispatcher, maintenance, r -> r.type().rootKey());
    }

    /**
     * @param rootKeys the JSON root key of a resource in representations (per specialization, e.g. a
     *                 flexContainer's {@code cod:tempe}); see {@code CseExtension.Installation#rootKey}
     */
    public SubscriptionNotifier(ResourceStore store, String cseId, String cseBasePath, String releaseVersion,
                                NotificationTargetResolver resolver, NotificationDispatcher dispatcher,
                                SubscriptionMaintenance maintenance, java.util.function.Function<Resource, String> rootKeys) {
        this.rootKeys = rootKeys;
        this.store = store;
        this.cseId = cseId;
        this.cseBasePath = cseBasePath;
        this.releaseVersion = releaseVersion;
        this.resolver = resolver;
        this.dispatcher = dispatcher;
        this.maintenance = maintenance;
        this.batcher = new NotificationBatcher(this::sendToTargets);
    }

    public void start() {
        index.load(store, cseBasePath);
        batcher.start();
    }

    public void stop() {
        batcher.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** The SP-relative subscription reference ({@code sur}) of a subscription. */
    public String subscriptionReference(String subscriptionRi) {
        return cseId + "/" + subscriptionRi;
    }

    @Override
    public void onEvent(ResourceEvent event) {
        switch (event) {
            case ResourceEvent.Created created -> onCreated(created);
            case ResourceEvent.Updated updated -> onUpdated(updated);
            case ResourceEvent.Deleted deleted -> onDeleted(deleted);
            case ResourceEvent.Retrieved retrieved -> onRetrieved(retrieved);
        }
    }

    private void onCreated(ResourceEvent.Created event) {
        Resource child = event.resource();
        if (child.type() == ResourceType.SUBSCRIPTION) {
            index.added(child);
        }
        for (Subscription sub : subscriptionsOf(child.pi())) {
            if (sub.ri().equals(child.ri())) {
                continue;
            }
            monitor(sub, Operation.CREATE, event.originator());
            EventNotificationCriteria enc = sub.criteria();
            if (enc.watches(NotificationEventType.CREATE_OF_DIRECT_CHILD_RESOURCE)
                    && enc.coversChildType(child.type()) && enc.conditionsHold(child)) {
                notify(sub, NotificationEventType.CREATE_OF_DIRECT_CHILD_RESOURCE, child, Set.of());
            }
        }
    }

    private void onUpdated(ResourceEvent.Updated event) {
        Resource after = event.after();
        if (after.type() == ResourceType.SUBSCRIPTION && !cseId.equals(event.originator())) {
            remainingNotifications.remove(after.ri()); // a client set a new exc
        }
        for (Subscription sub : subscriptionsOf(after.ri())) {
            monitor(sub, Operation.UPDATE, event.originator());
            EventNotificationCriteria enc = sub.criteria();
            if (enc.watches(NotificationEventType.UPDATE_OF_RESOURCE)
                    && enc.coversAttributes(event.modifiedAttributes()) && enc.conditionsHold(after)) {
                notify(sub, NotificationEventType.UPDATE_OF_RESOURCE, after, event.modifiedAttributes());
            }
            if (enc.watches(NotificationEventType.REPORT_ON_MISSING_DATA_POINTS)
                    && missingDataReported(sub, event.before(), after)) {
                notify(sub, NotificationEventType.REPORT_ON_MISSING_DATA_POINTS, after, Set.of());
            }
        }
    }

    private void onDeleted(ResourceEvent.Deleted event) {
        Resource deleted = event.resource();
        List<Resource> removed = new ArrayList<>();
        removed.add(deleted);
        removed.addAll(event.removedDescendants());
        // Delete_of_Resource for the deleted resource and every deleted descendant that had subscriptions
        for (Resource resource : removed) {
            for (Resource subResource : removed) {
                if (subResource.type() == ResourceType.SUBSCRIPTION && subResource.pi().equals(resource.ri())) {
                    Subscription sub = read(subResource);
                    if (sub == null) {
                        continue;
                    }
                    monitor(sub, Operation.DELETE, event.originator());
                    if (sub.criteria().watches(NotificationEventType.DELETE_OF_RESOURCE)
                            && sub.criteria().conditionsHold(resource)) {
                        notify(sub, NotificationEventType.DELETE_OF_RESOURCE, resource, Set.of());
                    }
                }
            }
        }
        // Delete_of_Direct_Child_Resource on the parent
        if (event.parent() != null && event.cause() != ResourceEvent.Cause.CAPACITY) {
            for (Subscription sub : subscriptionsOf(deleted.pi())) {
                if (sub.ri().equals(deleted.ri())) {
                    continue;
                }
                EventNotificationCriteria enc = sub.criteria();
                if (enc.watches(NotificationEventType.DELETE_OF_DIRECT_CHILD_RESOURCE)
                        && enc.coversChildType(deleted.type()) && enc.conditionsHold(deleted)) {
                    notify(sub, NotificationEventType.DELETE_OF_DIRECT_CHILD_RESOURCE, deleted, Set.of());
                }
            }
        }
        // every subscription that went tells its subscriber
        for (Resource resource : removed) {
            if (resource.type() == ResourceType.SUBSCRIPTION) {
                subscriptionGone(resource, event.cause());
            } else {
                index.parentRemoved(resource.ri());
            }
        }
    }

    private void onRetrieved(ResourceEvent.Retrieved event) {
        Resource resource = event.resource();
        for (Subscription sub : subscriptionsOf(resource.ri())) {
            monitor(sub, Operation.RETRIEVE, event.originator());
            if (sub.criteria().watches(NotificationEventType.RETRIEVE_OF_CONTAINER_RESOURCE_WITH_NO_CHILD_RESOURCE)
                    && resource.type() == ResourceType.CONTAINER
                    && store.latestChild(resource.ri(), ResourceType.CONTENT_INSTANCE).isEmpty()) {
                notify(sub, NotificationEventType.RETRIEVE_OF_CONTAINER_RESOURCE_WITH_NO_CHILD_RESOURCE, resource,
                        Set.of());
            }
        }
    }

    /**
     * net 8: true once {@code md/num} missing data points were added to a timeSeries' {@code mdc} since the last
     * report (those older than {@code md/dur} no longer count).
     */
    private boolean missingDataReported(Subscription sub, Resource before, Resource after) {
        long added = after.attributes().path("mdc").asLong() - before.attributes().path("mdc").asLong();
        if (after.type() != ResourceType.TIME_SERIES || added <= 0) {
            return false;
        }
        EventNotificationCriteria.MissingData md = sub.criteria().missingData();
        long now = System.currentTimeMillis();
        java.util.Deque<Long> seen = missingPoints.computeIfAbsent(sub.ri(), k -> new java.util.ArrayDeque<>());
        synchronized (seen) {
            for (long i = 0; i < added; i++) {
                seen.add(now);
            }
            if (md.durationMs() != null) {
                while (!seen.isEmpty() && seen.peekFirst() < now - md.durationMs()) {
                    seen.pollFirst();
                }
            }
            if (seen.size() < md.number()) {
                return false;
            }
            seen.clear();
            return true;
        }
    }

    private void subscriptionGone(Resource subResource, ResourceEvent.Cause cause) {
        missingPoints.remove(subResource.ri());
        index.removed(subResource);
        remainingNotifications.remove(subResource.ri());
        batcher.flush(subResource.ri());
        Subscription sub = read(subResource);
        if (sub == null || sub.subscriberUri() == null) {
            LOG.debug("sub {} deleted ({}), no subscriberURI to tell", subResource.ri(), cause);
            return;
        }
        LOG.debug("sub {} deleted ({}), deletion notification to {}", sub.ri(), cause, sub.subscriberUri());
        send(sub, sub.subscriberUri(),
                NotificationContent.deletion(subscriptionReference(sub.ri()), sub.creator()));
    }

    /** {@code om}: an operation on the subscribed-to resource by a watched originator. */
    private void monitor(Subscription sub, Operation operation, String originator) {
        for (EventNotificationCriteria.OperationMonitor om : sub.criteria().operationMonitors()) {
            if (om.matches(operation, originator)) {
                int left = countDown(sub);
                if (left >= 0) {
                    dispatch(sub, left, NotificationContent.operationMonitored(subscriptionReference(sub.ri()),
                            sub.creator(), operation.code(), originator));
                }
                return;
            }
        }
    }

    private void notify(Subscription sub, NotificationEventType net, Resource resource, Set<String> modified) {
        int left = countDown(sub);
        if (left < 0) {
            return;
        }
        JsonNode rep = NotificationContent.representation(sub.contentType(), resource, rootKeys.apply(resource),
                modified);
        dispatch(sub, left, NotificationContent.event(subscriptionReference(sub.ri()), sub.creator(), net, rep));
    }

    /** @param left notifications {@code exc} still allows after this one (ignored without {@code exc}) */
    private void dispatch(Subscription sub, int left, JsonNode content) {
        if (sub.batchNotify() != null) {
            batcher.add(sub, content);
        } else {
            sendToTargets(sub, content);
        }
        if (sub.expirationCounter() != null) {
            if (left == 0) {
                batcher.flush(sub.ri());
                maintenance.deleteExhausted(sub.ri());
            } else {
                maintenance.updateExpirationCounter(sub.ri(), left);
            }
        }
    }

    /**
     * Takes one notification off {@code exc}: how many remain after it, or -1 when none was left
     * ({@link Integer#MAX_VALUE} for subscriptions without {@code exc}).
     */
    private int countDown(Subscription sub) {
        if (sub.expirationCounter() == null) {
            return Integer.MAX_VALUE;
        }
        int left = remainingNotifications.merge(sub.ri(), sub.expirationCounter() - 1, (current, ignored) -> current - 1);
        return Math.max(left, -1);
    }

    private void sendToTargets(Subscription sub, JsonNode content) {
        for (String target : sub.notificationUris()) {
            send(sub, target, content);
        }
    }

    private void send(Subscription sub, String target, JsonNode content) {
        NotificationTarget resolved = resolver.resolve(target);
        switch (resolved) {
            case NotificationTarget.Unreachable u ->
                    LOG.debug("notification for sub {} to {} skipped: {}", sub.ri(), target, u.reason());
            case NotificationTarget.Reachable r -> {
                Request.Builder request = Request.builder()
                        .operation(Operation.NOTIFY)
                        .to(r.to())
                        .from(cseId)
                        .requestId("notify-" + requestIds.incrementAndGet())
                        .releaseVersion(releaseVersion)
                        .content(content);
                if (sub.latestNotify()) {
                    request.eventCategory("4");
                } else if (sub.eventCategory() != null) {
                    request.eventCategory(sub.eventCategory());
                }
                dispatcher.dispatch(new Delivery(sub.ri(), target, r.url(), request.build()));
            }
        }
    }

    @Override
    public void delivered(Delivery delivery) {
        // exc is counted at generation; nothing to do
    }

    @Override
    public void failed(Delivery delivery, Response lastResponse) {
        JsonNode sgn = delivery.request().content() == null ? null : delivery.request().content().get("m2m:sgn");
        if (sgn != null && sgn.path("sud").asBoolean(false)) {
            LOG.info("deletion notification of sub {} to {} failed: {}", delivery.subscriptionRi(), delivery.target(),
                    lastResponse.statusCode());
            return;
        }
        int dropped = dispatcher.discard(delivery.subscriptionRi(), delivery.target());
        LOG.debug("sub {}: {} more notifications to unreachable {} dropped", delivery.subscriptionRi(), dropped,
                delivery.target());
        maintenance.removeTarget(delivery.subscriptionRi(), delivery.target());
    }

    private List<Subscription> subscriptionsOf(String parentRi) {
        List<String> ids = index.subscriptionsOf(parentRi);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Subscription> subs = new ArrayList<>(ids.size());
        for (String ri : ids) {
            Optional<Resource> stored = store.get(ri);
            if (stored.isPresent()) {
                Subscription sub = read(stored.get());
                if (sub != null) {
                    subs.add(sub);
                }
            }
        }
        return subs;
    }

    private static Subscription read(Resource resource) {
        try {
            return Subscription.of(resource);
        } catch (RuntimeException e) {
            LOG.warn("sub {} is stored with invalid attributes and is ignored: {}", resource.ri(), e.getMessage());
            return null;
        }
    }
}
