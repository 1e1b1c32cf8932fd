package org.oneedge.cse.polling;

import org.oneedge.cse.CseExtension;
import org.oneedge.cse.access.OriginatorId;

/**
 * Plugs polling channels into the engine (TS-0004 7.4.21/7.4.22/7.5.1.2.7, digest §8.3): the {@code <pollingChannel>}
 * handler with its {@code pcu}, and the {@link PollingChannelSender} that queues notifications for entities with
 * {@code rr=false} (or without {@code poa}) instead of dropping them. Installed before the subscription extension so
 * that notification delivery sees the sender.
 *
 * <pre>
 *  notifier ─► dispatcher ─► PollingChannelSender ─► Mailboxes[AE] ◄─ RETRIEVE pcu (long poll) ◄─ AE
 *                                                          ▲──────── NOTIFY pcu {"m2m:rsp"} ─────┘
 * </pre>
 */
public final class PollingChannelExtension implements CseExtension {

    private final PollingChannelSettings settings;
    private Mailboxes mailboxes;

    public PollingChannelExtension() {
        this(PollingChannelSettings.defaults());
    }

    public PollingChannelExtension(PollingChannelSettings settings) {
        this.settings = settings;
    }

    @Override
    public void install(Installation installation) {
        mailboxes = new Mailboxes(settings, installation.clock());
        installation.remoteSender(new PollingChannelSender(mailboxes));
        installation.handler(new PollingChannelHandler(installation.store(), mailboxes, settings,
                new OriginatorId(installation.config().cseId(), installation.config().spId()), installation.clock()));
    }

    @Override
    public void stop() {
        if (mailboxes != null) {
            mailboxes.clear();
        }
    }
}
