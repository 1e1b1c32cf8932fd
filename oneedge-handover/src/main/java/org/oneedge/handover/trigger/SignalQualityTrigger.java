package org.oneedge.handover.trigger;

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
import org.oneedge.mec.api.rni.EutranNeighbourCellMeasInfo;
import org.oneedge.mec.api.rni.MeasRepUeNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signal-quality trigger (HANDOVER.md trigger 2): MEC 012 UE measurement reports ({@code MeasRepUeNotification},
 * 6.4.6) evaluated like an A3 event (TS 36.331 5.5.4.4): a neighbour cell served by another MEC host is better than
 * the serving cell by more than offset plus hysteresis, continuously for the time-to-trigger; then the device's AEs
 * move to the MN-CSE of that host. The quantity compared is RSRP, RSRQ or SINR, each converted from its 3GPP report
 * index (TS 36.133 9.1.4 and 9.1.7: RSRP dBm = index - 141, RSRQ dB = index / 2 - 20; SINR dB = index / 2 - 23).
 * Cells on the serving host are ignored: moving between them needs no service-layer handover. Time comes from the
 * injected clock. Thread-safe per device.
 *
 * <pre>
 *  report: serving S, best neighbour N on another host
 *   N > S + offset + hysteresis ? ── no ──► forget N
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

    private final Config config;
    private final Clock clock;
    private final Function<String, Optional<String>> cseOfCell;
    private final Function<String, List<String>> aesOfDevice;
    private final Map<String, Entering> entering = new ConcurrentHashMap<>();

    /**
     * @param cseOfCell   the MN-CSE on the MEC host serving a cell (by E-UTRAN cell id), if any
     * @param aesOfDevice the AEs of a device (by its address, the report's associate id)
     */
    public SignalQualityTrigger(Config config, Clock clock, Function<String, Optional<String>> cseOfCell,
                                Function<String, List<String>> aesOfDevice) {
        this.config = config;
        this.clock = clock;
        this.cseOfCell = cseOfCell;
        this.aesOfDevice = aesOfDevice;
    }

    /** Evaluates one report; a decision when the condition has held for the time-to-trigger. */
    public Optional<HandoverDecision> onMeasurement(MeasRepUeNotification report) {
        if (report.associateId() == null || report.associateId().isEmpty() || report.ecgi() == null) {
            return Optional.empty();
        }
        String device = report.associateId().getFirst().value();
        Integer servingIndex = config.quantity().serving(report);
        Optional<String> servingCse = cseOfCell.apply(report.ecgi().cellId());
        if (servingIndex == null || servingCse.isEmpty()) {
            entering.remove(device);
            return Optional.empty();
        }
        double serving = config.quantity().fromIndex(servingIndex);
        double needed = serving + config.offsetDb() + config.hysteresisDb();
        List<EutranNeighbourCellMeasInfo> neighbours = report.eutranNeighbourCellMeasInfo() == null ? List.of()
                : report.eutranNeighbourCellMeasInfo();
        Optional<EutranNeighbourCellMeasInfo> best = neighbours.stream()
                .filter(n -> n.ecgi() != null && config.quantity().neighbour(n) != null)
                .filter(n -> cseOfCell.apply(n.ecgi().cellId()).filter(c -> !c.equals(servingCse.get())).isPresent())
                .max(Comparator.comparingInt((EutranNeighbourCellMeasInfo n) -> config.quantity().neighbour(n))
                        .thenComparing(n -> n.ecgi().cellId(), Comparator.reverseOrder()));
        if (best.isEmpty() || config.quantity().fromIndex(config.quantity().neighbour(best.get())) <= needed) {
            entering.remove(device);
            return Optional.empty();
        }
        String cell = best.get().ecgi().cellId();
        String targetCse = cseOfCell.apply(cell).orElseThrow();
        Instant now = clock.instant();
        Entering e = entering.compute(device, (d, old) -> old != null && old.cellId().equals(cell) ? old
                : new Entering(cell, targetCse, now));
        if (e.since() == null || Duration.between(e.since(), now).compareTo(config.timeToTrigger()) < 0) {
            return Optional.empty();
        }
        entering.put(device, new Entering(cell, targetCse, null)); // fired: once per neighbour until it leaves
        List<String> aes = aesOfDevice.apply(device);
        if (aes.isEmpty()) {
            return Optional.empty();
        }
        double neighbour = config.quantity().fromIndex(config.quantity().neighbour(best.get()));
        String reason = String.format(Locale.ROOT, "MEC 012 %s: cell %s (%s) %.1f > serving %s %.1f + %.1f dB "
                        + "for %s", config.quantity(), cell, targetCse, neighbour, report.ecgi().cellId(), serving,
                config.offsetDb() + config.hysteresisDb(), config.timeToTrigger());
        LOG.info("signal-quality trigger for {}: {}", device, reason);
        return Optional.of(new HandoverDecision(TriggerKind.SIGNAL_QUALITY, aes, servingCse.get(),
                List.of(targetCse), device, reason));
    }
}
