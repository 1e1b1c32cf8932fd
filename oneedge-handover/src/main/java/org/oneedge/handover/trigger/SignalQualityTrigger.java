package org.oneedge.handover.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.mec.api.common.MecJson;
import org.oneedge.mec.api.rni.EutranNeighbourCellMeasInfo;
import org.oneedge.mec.api.rni.MeasRepUeNotification;
import org.oneedge.mec.api.rni.RniClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signal-quality trigger (HANDOVER.md trigger 2): MEC 012 UE measurement reports ({@code MeasRepUeNotification},
 * 6.4.6) evaluated like an A3 event (TS 36.331 5.5.4.4), between MEC hosts rather than cells: the best cell of another
 * MEC host is better than the best cell of the host whose MN-CSE serves the device's AEs (serving registry) by more
 * than offset plus hysteresis, continuously for the time-to-trigger; then the AEs move to the MN-CSE of that host.
 * Comparing with the serving CSE's host rather than the serving cell makes the trigger follow a radio handover that
 * already happened as well as lead one. A host whose cells the device no longer measures counts as infinitely bad.
 * The quantity compared is RSRP, RSRQ or SINR, each converted from its 3GPP report index (TS 36.133 9.1.4 and 9.1.7:
 * RSRP dBm = index - 141, RSRQ dB = index / 2 - 20; SINR dB = index / 2 - 23). Time is the report's
 * {@code timeStamp} (when it was measured), else the injected clock. Thread-safe per device.
 *
 * <pre>
 *  report: home H = best cell of the serving CSE's host, N = best cell of any other host
 *   N > H + offset + hysteresis ? ── no ──► forget N
 *            │ yes
 *   first time for N ──► remember (N, now);  seen for ≥ time-to-trigger ──► decision (once per N)
 * </pre>
 */
public final class SignalQualityTrigger {

    private static final Logger LOG = LoggerFactory.getLogger(SignalQualityTrigger.class);

    /** The measured quantity an A3 evaluation compares. */
    public enum Quantity {
        RSRP, RSRQ, SINR;

        /** The value in dBm (RSRP) or dB (RSRQ, SINR) of a 3GPP report index. */
        public double fromIndex(int index) {
            return switch (this) {
                case RSRP -> index - 141;
                case RSRQ -> index / 2.0 - 20;
                case SINR -> index / 2.0 - 23;
            };
        }

        Integer serving(MeasRepUeNotification n) {
            return switch (this) {
                case RSRP -> n.rsrp();
                case RSRQ -> n.rsrq();
                case SINR -> n.sinr();
            };
        }

        Integer neighbour(EutranNeighbourCellMeasInfo n) {
            return switch (this) {
                case RSRP -> n.rsrp();
                case RSRQ -> n.rsrq();
                case SINR -> n.sinr();
            };
        }
    }

    /**
     * @param quantity      what is compared, default RSRP
     * @param hysteresisDb  margin a neighbour must exceed the serving cell by, default 3 dB
     * @param offsetDb      cell-individual offset added to the margin, default 0 dB
     * @param timeToTrigger how long the condition must hold, default 640 ms (a TS 36.331 value)
     */
    public record Config(Quantity quantity, double hysteresisDb, double offsetDb, Duration timeToTrigger) {
        public static final Config DEFAULTS = new Config(Quantity.RSRP, 3, 0, Duration.ofMillis(640));

        public Config {
            if (quantity == null || hysteresisDb < 0 || timeToTrigger.isNegative()) {
                throw new IllegalArgumentException("a quantity, a non-negative hysteresis and time-to-trigger");
            }
        }
    }

    private record Entering(String cellId, String cseId, Instant since) {
    }

    private record Measured(String cellId, String cseId, double value) {
    }

    private final Config config;
    private final Clock clock;
    private final Function<String, Optional<String>> cseOfCell;
    private final Function<String, List<String>> aesOfDevice;
    private final ServingRegistry registry;
    private final Map<String, Entering> entering = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = MecJson.newObjectMapper();

    /**
     * @param cseOfCell   the MN-CSE on the MEC host serving a cell (by E-UTRAN cell id), if any
     * @param aesOfDevice the AEs of a device (by its address, the report's associate id)
     * @param registry    where the device's AEs are served
     */
    public SignalQualityTrigger(Config config, Clock clock, Function<String, Optional<String>> cseOfCell,
                                Function<String, List<String>> aesOfDevice, ServingRegistry registry) {
        this.config = config;
        this.clock = clock;
        this.cseOfCell = cseOfCell;
        this.aesOfDevice = aesOfDevice;
        this.registry = registry;
    }

    /** A notification body as RNIS posted it; other notification types are ignored. */
    public Optional<HandoverDecision> onNotification(byte[] body) {
        return RniClient.parseNotification(mapper, body) instanceof MeasRepUeNotification report
                ? onMeasurement(report) : Optional.empty();
    }

    /** Evaluates one report; a decision when the condition has held for the time-to-trigger. */
    public Optional<HandoverDecision> onMeasurement(MeasRepUeNotification report) {
        if (report.associateId() == null || report.associateId().isEmpty() || report.ecgi() == null) {
            return Optional.empty();
        }
        String device = report.associateId().getFirst().value();
        List<String> aes = aesOfDevice.apply(device);
        Optional<String> servingCse = aes.isEmpty() ? Optional.empty() : registry.resolve(aes.getFirst())
                .filter(e -> e.state() == ServingState.SERVING).map(ServingEntry::servingCseId);
        if (servingCse.isEmpty()) {
            entering.remove(device);
            return Optional.empty();
        }
        List<Measured> measured = measured(report);
        Optional<Measured> home = measured.stream().filter(m -> m.cseId().equals(servingCse.get()))
                .max(BEST);
        Optional<Measured> best = measured.stream().filter(m -> !m.cseId().equals(servingCse.get())).max(BEST);
        double margin = config.offsetDb() + config.hysteresisDb();
        if (best.isEmpty() || (home.isPresent() && best.get().value() <= home.get().value() + margin)) {
            entering.remove(device);
            return Optional.empty();
        }
        Measured target = best.get();
        Instant now = report.timeStamp() != null ? report.timeStamp().toInstant() : clock.instant();
        Entering e = entering.compute(device, (d, old) -> old != null && old.cellId().equals(target.cellId()) ? old
                : new Entering(target.cellId(), target.cseId(), now));
        if (e.since() == null || Duration.between(e.since(), now).compareTo(config.timeToTrigger()) < 0) {
            return Optional.empty();
        }
        entering.put(device, new Entering(target.cellId(), target.cseId(), null)); // fired: once per cell
        String reason = String.format(Locale.ROOT, "MEC 012 %s: cell %s (%s) %.1f > %s + %.1f dB for %s",
                config.quantity(), target.cellId(), target.cseId(), target.value(), home.map(h -> String.format(
                        Locale.ROOT, "cell %s (%s) %.1f", h.cellId(), h.cseId(), h.value()))
                        .orElse("no cell of " + servingCse.get()), margin, config.timeToTrigger());
        LOG.info("signal-quality trigger for {}: {}", device, reason);
        return Optional.of(new HandoverDecision(TriggerKind.SIGNAL_QUALITY, aes, servingCse.get(),
                List.of(target.cseId()), device, reason));
    }

    /** Serving and neighbour cells with a value of the quantity and a known MN-CSE. */
    private List<Measured> measured(MeasRepUeNotification report) {
        List<Measured> out = new java.util.ArrayList<>();
        Integer serving = config.quantity().serving(report);
        if (serving != null) {
            cseOfCell.apply(report.ecgi().cellId()).ifPresent(cse -> out.add(new Measured(report.ecgi().cellId(),
                    cse, config.quantity().fromIndex(serving))));
        }
        if (report.eutranNeighbourCellMeasInfo() != null) {
            for (EutranNeighbourCellMeasInfo n : report.eutranNeighbourCellMeasInfo()) {
                Integer v = config.quantity().neighbour(n);
                if (n.ecgi() != null && v != null) {
                    cseOfCell.apply(n.ecgi().cellId()).ifPresent(cse -> out.add(new Measured(n.ecgi().cellId(), cse,
                            config.quantity().fromIndex(v))));
                }
            }
        }
        return out;
    }

    /** Higher value first; among equals the lower cell id, so the choice never depends on report order. */
    private static final Comparator<Measured> BEST = Comparator.comparingDouble(Measured::value)
            .thenComparing(Measured::cellId, Comparator.reverseOrder());
}
