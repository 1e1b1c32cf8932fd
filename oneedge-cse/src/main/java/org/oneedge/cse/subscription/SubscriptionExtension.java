package org.oneedge.cse.subscription;

import java.time.Duration;
import java.util.function.Supplier;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseExtension;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.access.OriginatorId;
import org.oneedge.model.Response;

/**
 * Plugs subscriptions and notifications into the engine (TS-0001 10.2.10, digest §6): the {@code <subscription>}
 * handler, the {@link SubscriptionNotifier} listening to resource events, and the {@link NotificationDispatcher} that
 * delivers through the engine's {@link org.oneedge.model.RemoteSender}s.
 *
 * <pre>
 *  Cse.builder().extension(acl).extension(new SubscriptionExtension(acl::checker))
 * </pre>
 */
public final class SubscriptionExtension implements CseExtension {

    private final Supplier<AccessChecker> accessChecker;
    private final Settings settings;
    private NotificationDispatcher dispatcher;
    private SubscriptionMaintenance maintenance;
    private SubscriptionNotifier notifier;

    /**
     * Tunables of notification delivery beyond {@link CseConfig}.
     *
     * @param initialBackoff pause after the first failed attempt, doubled each time (default 100 ms)
     * @param queueCapacity  notifications waiting per target (default 1000)
     * @param releaseVersion {@code rvi} of NOTIFY requests (default "3")
     */
    public record Settings(Duration initialBackoff, int queueCapacity, String releaseVersion) {
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(100), 1000, "3");
        }
    }

    /** @param accessChecker the engine's checker, asked for RETRIEVE on the resource being subscribed to */
    public SubscriptionExtension(Supplier<AccessChecker> accessChecker) {
        this(accessChecker, Settings.defaults());
    }

    public SubscriptionExtension(Supplier<AccessChecker> accessChecker, Settings settings) {
        this.accessChecker = accessChecker;
        this.settings = settings;
    }

    @Override
    public void install(Installation installation) {
        CseConfig config = installation.config();
        NotificationDispatcher.Settings delivery = NotificationDispatcher.Settings.of(config)
                .withInitialBackoff(settings.initialBackoff()).withQueueCapacity(settings.queueCapacity());
        maintenance = new SubscriptionMaintenance(installation.cse(), installation.store(), config.cseId());
        DeliveryListenerRelay relay = new DeliveryListenerRelay();
        dispatcher = new NotificationDispatcher(installation.remoteSenders(), delivery, relay);
        NotificationTargetResolver resolver = new NotificationTargetResolver(installation.store(), config.cseId(),
                config.spId(), dispatcher::canReach);
        notifier = new SubscriptionNotifier(installation.store(), config.cseId(), config.cseBaseName(),
                settings.releaseVersion(), resolver, dispatcher, maintenance, installation::rootKey);
        relay.target = notifier;
        installation.handler(new SubscriptionHandler(accessChecker, resolver, dispatcher,
                new OriginatorId(config.cseId(), config.spId())));
        installation.listener(notifier);
    }

    @Override
    public void start() {
        dispatcher.start();
        maintenance.start();
        notifier.start();
    }

    @Override
    public void stop() {
        notifier.stop();
        maintenance.stop();
        dispatcher.stop();
    }

    /** Lets the dispatcher be built before the notifier that listens to it. */
    private static final class DeliveryListenerRelay implements DeliveryListener {
        volatile DeliveryListener target;

        @Override
        public void delivered(Delivery delivery) {
            target.delivered(delivery);
        }

        @Override
        public void failed(Delivery delivery, Response lastResponse) {
            target.failed(delivery, lastResponse);
        }
    }
}
