package org.oneedge.handover.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.handover.candidate.CandidateSelector;
import org.oneedge.handover.candidate.TargetCandidate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.oneedge.mec.api.common.MecJson;
import org.oneedge.mec.api.metrics.MetricsThresholdNotification;
import org.oneedge.mec.api.metrics.ThresholdDirection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load-balancing trigger (HANDOVER.md trigger 3): a platform metrics threshold notification (CPU, memory, radio load
 * rising ABOVE its threshold on a MEC host) moves AEs off the MN-CSE of that host to the best-ranked other MN-CSE,
 * at most {@code maxMovesPerPeriod} per period so a hot host is relieved without a stampede. AEs whose data must stay
 * where it is ({@code pinned}, "respecting data placement") never move. AEs are taken in AE-ID order, so the same
 * notification always moves the same AEs.
 */
public final class LoadBalancingTrigger {

    private static final Logger LOG = LoggerFactory.getLogger(LoadBalancingTrigger.class);

    /**
     * @param maxMovesPerPeriod AEs moved per period at most, default 2
     * @param period            the period of that cap, default 1 minute
     * @param requirements      what a target must meet (and how many candidates to keep), default the 3 best
     */
    public record Config(int maxMovesPerPeriod, Duration period, Requirements requirements) {
        public static final Config DEFAULTS = new Config(2, Duration.ofMinutes(1), Requirements.top(3).build());

        public Config {
            if (maxMovesPerPeriod < 1 || period.isNegative() || period.isZero() || requirements == null) {
                throw new IllegalArgumentException("a positive cap and period and the target requirements");
            }
        }
    }

    private final Config config;
    private final Clock clock;
    private final CandidateSelector selector;
    private final Function<String, Optional<String>> cseOfHost;
    private final Function<String, List<String>> aesServedBy;
    private final Predicate<String> pinned;
    private final ObjectMapper mapper = MecJson.newObjectMapper();
    private Instant periodStart;
    private int movedInPeriod;

    /**
     * @param cseOfHost   the MN-CSE running on a MEC host, by host name
     * @param aesServedBy the AEs an MN-CSE serves, by CSE-ID
     * @param pinned      AEs that must not leave their CSE (data placement)
     */
    public LoadBalancingTrigger(Config config, Clock clock, CandidateSelector selector,
                                Function<String, Optional<String>> cseOfHost,
                                Function<String, List<String>> aesServedBy, Predicate<String> pinned) {
        this.config = config;
        this.clock = clock;
        this.selector = selector;
        this.cseOfHost = cseOfHost;
        this.aesServedBy = aesServedBy;
        this.pinned = pinned;
    }

    /** A notification body as the metrics service posted it; other notification types are ignored. */
    public List<HandoverDecision> onNotification(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            if (!MetricsThresholdNotification.TYPE.equals(root.path("notificationType").asText())) {
                return List.of();
            }
            return onThreshold(mapper.treeToValue(root, MetricsThresholdNotification.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a metrics notification: " + e.getMessage(), e);
        }
    }

    /** One decision per AE to move now (possibly none: recovery, no CSE on the host, cap reached, no target). */
    public synchronized List<HandoverDecision> onThreshold(MetricsThresholdNotification n) {
        if (n.direction() != ThresholdDirection.ABOVE) {
            return List.of();
        }
        Optional<String> source = cseOfHost.apply(n.hostName());
        if (source.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        if (periodStart == null || !now.isBefore(periodStart.plus(config.period()))) {
            periodStart = now;
            movedInPeriod = 0;
        }
        int budget = config.maxMovesPerPeriod() - movedInPeriod;
        List<String> movable = aesServedBy.apply(source.get()).stream().filter(pinned.negate()).sorted().toList();
        if (budget <= 0 || movable.isEmpty()) {
            LOG.info("load trigger: {} over {} on {} but {} movable AEs and {} moves left in this period",
                    n.metric(), n.threshold(), n.hostName(), movable.size(), Math.max(0, budget));
            return List.of();
        }
        List<TargetCandidate> candidates = selector.candidates(source.get(), config.requirements());
        if (candidates.isEmpty()) {
            LOG.warn("load trigger: {} is overloaded but no other MN-CSE qualifies as a target", n.hostName());
            return List.of();
        }
        List<String> targets = candidates.stream().map(TargetCandidate::cseId).toList();
        List<HandoverDecision> decisions = new ArrayList<>();
        for (String ae : movable.subList(0, Math.min(budget, movable.size()))) {
            decisions.add(new HandoverDecision(TriggerKind.LOAD_BALANCING, List.of(ae), source.get(), targets,
                    n.hostName(), String.format(Locale.ROOT, "platform metrics: %s %.2f above %.2f on %s; "
                            + "best target %s", n.metric().field(), n.value(), n.threshold(), n.hostName(),
                            candidates.getFirst().reason())));
        }
        movedInPeriod += decisions.size();
        LOG.info("load trigger: moving {} of {} AEs off {} ({} per {})", decisions.size(), movable.size(),
                n.hostName(), config.maxMovesPerPeriod(), config.period());
        return decisions;
    }
}
