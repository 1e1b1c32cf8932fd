package org.oneedge.mec.platform.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oneedge.mec.platform.emulator.Emulator;
import org.oneedge.mec.platform.emulator.EmulatorEvent;
import org.oneedge.mec.platform.emulator.EmulatorListener;
import org.oneedge.mec.platform.emulator.UeView;

/**
 * Drives each emulated MEC host's {@code radioLoad} from the mobility emulator, so that the metrics service's figures
 * and threshold subscriptions move while the scenario moves UEs: the load of a host is the share of the scenario's
 * UEs that its cells serve (0..1), updated on every {@link EmulatorEvent.HostChange}. Without it an emulated host
 * reports an idle radio for ever. Hosts whose metrics are not emulated are left alone.
 */
public final class EmulatedRadioLoad implements EmulatorListener {

    private final HostMetricsSources sources;
    private final int ueCount;
    private final Map<String, String> hostOfUe = new HashMap<>();

    /** Takes the UEs' current hosts from {@code emulator}; register it with {@code emulator.addListener}. */
    public EmulatedRadioLoad(Emulator emulator, HostMetricsSources sources) {
        this.sources = Objects.requireNonNull(sources, "sources");
        List<UeView> ues = emulator.ues();
        this.ueCount = Math.max(1, ues.size());
        for (UeView ue : ues) {
            if (ue.hostName() != null) {
                hostOfUe.put(ue.id(), ue.hostName());
            }
        }
        publish();
    }

    @Override
    public void onEvent(EmulatorEvent event) {
        if (event instanceof EmulatorEvent.HostChange h) {
            synchronized (this) {
                if (h.targetHost() == null) {
                    hostOfUe.remove(h.ueId());
                } else {
                    hostOfUe.put(h.ueId(), h.targetHost());
                }
                publish();
            }
        }
    }

    /** The radio load this listener last gave {@code hostName} (share of the UEs it serves). */
    public synchronized double loadOf(String hostName) {
        return (double) hostOfUe.values().stream().filter(hostName::equals).count() / ueCount;
    }

    private synchronized void publish() {
        for (String host : sources.hostNames()) {
            double load = loadOf(host);
            sources.emulated(host).ifPresent(m -> {
                if (m.read().radioLoad() != load) {
                    m.update(s -> s.withRadioLoad(load));
                }
            });
        }
    }
}
