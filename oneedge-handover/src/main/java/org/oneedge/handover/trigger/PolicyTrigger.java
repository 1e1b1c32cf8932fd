package org.oneedge.handover.trigger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Policy-driven trigger (HANDOVER.md trigger 5): CMDH-style {@link HandoverPolicy} rules decide when a handover is
 * demanded, allowed (and where to), deferred or forbidden. {@link #evaluate} is the trigger itself (MOVE policies);
 * {@link #admit} gates a decision of another trigger. Contradictions are reported as a {@link PolicyVerdict.Conflict}
 * naming both policies, and nothing moves:
 * <ul>
 *   <li>a MOVE applies while a FORBID or DEFER applies;</li>
 *   <li>two MOVEs demand disjoint target sets;</li>
 *   <li>a MOVE demands targets an applicable ALLOW does not permit.</li>
 * </ul>
 * Policies are considered in name order, so the same situation always gives the same verdict.
 */
public final class PolicyTrigger {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyTrigger.class);

    private record Applicable(HandoverPolicy policy, String why) {
    }

    private final List<HandoverPolicy> policies;
    private final Clock clock;

    public PolicyTrigger(List<HandoverPolicy> policies, Clock clock) {
        Set<String> names = new HashSet<>();
        for (HandoverPolicy p : policies) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("two handover policies are named " + p.name());
            }
        }
        this.policies = policies.stream().sorted(Comparator.comparing(HandoverPolicy::name)).toList();
        this.clock = clock;
    }

    /** Whether the policies demand a handover of the AE now, and to where. */
    public PolicyVerdict evaluate(PolicyContext c) {
        List<Applicable> applicable = applicable(c);
        List<Applicable> moves = of(applicable, PolicyAction.MOVE);
        Optional<PolicyVerdict> blocked = blocked(applicable, moves);
        if (blocked.isPresent()) {
            return log(c, blocked.get());
        }
        if (moves.isEmpty()) {
            return log(c, new PolicyVerdict.NoAction("no MOVE policy applies"));
        }
        for (int i = 0; i < moves.size(); i++) {
            for (int j = i + 1; j < moves.size(); j++) {
                Set<String> a = moves.get(i).policy().allowedTargets();
                Set<String> b = moves.get(j).policy().allowedTargets();
                if (!a.isEmpty() && !b.isEmpty() && a.stream().noneMatch(b::contains)) {
                    return log(c, new PolicyVerdict.Conflict(moves.get(i).policy().name(),
                            moves.get(j).policy().name(), moves.get(i).policy().name() + " demands a handover to "
                            + new TreeSet<>(a) + " while " + moves.get(j).policy().name() + " demands one to "
                            + new TreeSet<>(b)));
                }
            }
        }
        List<String> wanted = c.candidates();
        if (wanted.isEmpty()) {
            Set<String> named = new TreeSet<>();
            moves.forEach(m -> named.addAll(m.policy().allowedTargets()));
            wanted = List.copyOf(named);
        }
        List<String> targets = new ArrayList<>();
        for (String t : wanted) {
            if (!t.equals(c.servingCseId()) && moves.stream().allMatch(m -> permits(m.policy(), t))) {
                targets.add(t);
            }
        }
        for (Applicable allow : of(applicable, PolicyAction.ALLOW)) {
            List<String> permitted = targets.stream().filter(t -> permits(allow.policy(), t)).toList();
            if (permitted.isEmpty() && !targets.isEmpty()) {
                Applicable move = moves.getFirst();
                return log(c, new PolicyVerdict.Conflict(move.policy().name(), allow.policy().name(),
                        move.policy().name() + " demands a handover to " + targets + " while "
                                + allow.policy().name() + " permits only "
                                + new TreeSet<>(allow.policy().allowedTargets())));
            }
            targets = permitted;
        }
        Applicable move = moves.getFirst();
        if (targets.isEmpty()) {
            return log(c, new PolicyVerdict.NoAction(move.policy().name() + " demands a handover but no candidate "
                    + "target is allowed"));
        }
        return log(c, new PolicyVerdict.Handover(new HandoverDecision(TriggerKind.POLICY, List.of(c.aeId()),
                c.servingCseId(), targets, c.aeId(), "policy " + move.policy().name() + ": " + move.why())));
    }

    /**
     * Whether another trigger's decision may go ahead: not while a FORBID or DEFER applies, and only to targets the
     * applicable ALLOW policies permit (a conflict if a MOVE and a FORBID both apply).
     */
    public PolicyVerdict admit(HandoverDecision proposed, PolicyContext c) {
        List<Applicable> applicable = applicable(c);
        Optional<PolicyVerdict> blocked = blocked(applicable, of(applicable, PolicyAction.MOVE));
        if (blocked.isPresent()) {
            return log(c, blocked.get());
        }
        List<String> targets = proposed.targets();
        for (Applicable allow : of(applicable, PolicyAction.ALLOW)) {
            List<String> permitted = targets.stream().filter(t -> permits(allow.policy(), t)).toList();
            if (permitted.isEmpty() && !targets.isEmpty()) {
                return log(c, new PolicyVerdict.Forbidden(allow.policy().name(), allow.policy().name()
                        + " permits handovers only to " + new TreeSet<>(allow.policy().allowedTargets())
                        + ", not to " + targets));
            }
            targets = permitted;
        }
        return new PolicyVerdict.Handover(new HandoverDecision(proposed.trigger(), proposed.aeIds(),
                proposed.sourceCseId(), targets, proposed.subject(), proposed.reason()));
    }

    private Optional<PolicyVerdict> blocked(List<Applicable> applicable, List<Applicable> moves) {
        List<Applicable> blocks = applicable.stream().filter(a -> a.policy().action() == PolicyAction.FORBID
                || a.policy().action() == PolicyAction.DEFER).toList();
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        Applicable block = blocks.stream().filter(b -> b.policy().action() == PolicyAction.FORBID).findFirst()
                .orElse(blocks.getFirst());
        String verb = block.policy().action() == PolicyAction.FORBID ? "forbids" : "defers";
        if (!moves.isEmpty()) {
            Applicable move = moves.getFirst();
            return Optional.of(new PolicyVerdict.Conflict(move.policy().name(), block.policy().name(),
                    move.policy().name() + " demands a handover (" + move.why() + ") while " + block.policy().name()
                            + " " + verb + " handovers (" + block.why() + ")"));
        }
        if (block.policy().action() == PolicyAction.FORBID) {
            return Optional.of(new PolicyVerdict.Forbidden(block.policy().name(),
                    block.policy().name() + " forbids handovers (" + block.why() + ")"));
        }
        Instant now = clock.instant();
        Instant until = block.policy().window() == null ? null : block.policy().window().endAfter(now);
        return Optional.of(new PolicyVerdict.Deferred(block.policy().name(), until,
                block.policy().name() + " defers handovers (" + block.why() + ")"));
    }

    private List<Applicable> applicable(PolicyContext c) {
        Instant now = clock.instant();
        List<Applicable> out = new ArrayList<>();
        for (HandoverPolicy p : policies) {
            p.appliesTo(c, now).ifPresent(why -> out.add(new Applicable(p, why)));
        }
        return out;
    }

    private static List<Applicable> of(List<Applicable> applicable, PolicyAction action) {
        return applicable.stream().filter(a -> a.policy().action() == action).toList();
    }

    private static boolean permits(HandoverPolicy p, String target) {
        return p.allowedTargets().isEmpty() || p.allowedTargets().contains(target);
    }

    private static PolicyVerdict log(PolicyContext c, PolicyVerdict v) {
        if (v instanceof PolicyVerdict.Conflict conflict) {
            LOG.warn("handover policies conflict for {}: {}", c.aeId(), conflict.reason());
        } else {
            LOG.debug("handover policies for {}: {}", c.aeId(), v);
        }
        return v;
    }
}
