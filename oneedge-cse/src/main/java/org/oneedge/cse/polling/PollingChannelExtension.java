package org.oneedge.cse.polling;

import java.time.Clock;
import org.oneedge.cse.CseExtension;
import org.oneedge.cse.Forwarder;
import org.oneedge.cse.access.OriginatorId;
import org.oneedge.cse.store.ResourceStore;

/**
 * Plugs polling channels into the engine (TS-0004 7.4.21/7.4.22/7.5.1.2.7, digest §8.3): the {@code <pollingChannel>}
 * handler with its {@code pcu}, the {@link PollingChannelSender} that queues notifications for entities with
 * {@code rr=false} (or without {@code poa}) instead of dropping them, and the {@link Forwarder} wrapper
 * ({@link #forwarder(Forwarder)}) through which requests addressed to such an entity wait for its answer. Installed
 * before the subscription extension so that notification delivery sees the sender.
 *
 * <pre>
 *  notifier ─► dispatcher ─► PollingChannelSender ─┐
 *  NOTIFY to the AE ─► engine ─► PollingChannelDelivery ─► Mailboxes[AE] ◄─ RETRIEVE pcu (long poll) ◄─ AE
 *          ◄──── the AE's answer as the response ◄──────────────┴───────── NOTIFY pcu {"m2m:rsp"} ─────┘
 * </pre>
 */
public final class PollingChannelExtension implements CseExtension {

    private final PollingChannelSettings settings;
    private Mailboxes mailboxes;
    private ResourceStore store;
    private Clock clock;
    private org.oneedge.cse.CseConfig config;

    public PollingChannelExtension() {
        this(PollingChannelSettings.defaults());
    }

    public PollingChannelExtension(PollingChannelSettings settings) {
        this.settings = settings;
    }

    @Override
    public void install(Installation installation) {
        store = installation.store();
        clock = installation.clock();
        config = installation.config();
        mailboxes = new Mailboxes(settings, clock);
        installation.remoteSender(new PollingChannelSender(mailboxes));
        installation.handler(new PollingChannelHandler(installation.store(), mailboxes, settings,
                new OriginatorId(installation.config().cseId(), installation.config().spId()), installation.clock()));
    }

    /**
     * Wraps the engine's forwarder so that requests addressed to a local entity with {@code rr=false} go through
     * its polling channel and wait for its answer; everything else goes to {@code next}. Call after install.
     */
    public Forwarder forwarder(Forwarder next) {
        if (mailboxes == null) {
            throw new IllegalStateException("the polling channel extension is not installed yet");
        }
        return new PollingChannelDelivery(next, store, mailboxes, settings, clock, config);
    }

    @Override
    public void stop() {
        if (mailboxes != null) {
            mailboxes.clear();
        }
    }
}
