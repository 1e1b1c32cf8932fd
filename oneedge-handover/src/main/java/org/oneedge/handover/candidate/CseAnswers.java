package org.oneedge.handover.candidate;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.oneedge.model.Address;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Whether an MN-CSE answers: a RETRIEVE of its CSEBase (TS-0004 7.4.3) that comes back 2000 OK. The readiness check
 * every target passes before a switch, whatever else is known about it.
 */
public final class CseAnswers {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Function<String, Optional<CseClient>> cses;
    private final String originator;

    /**
     * @param cses       reaches a CSE by its CSE-ID, empty when no way to it is known
     * @param originator who asks, e.g. the coordinator's AE-ID or {@code CAdmin}
     */
    public CseAnswers(Function<String, Optional<CseClient>> cses, String originator) {
        this.cses = cses;
        this.originator = originator;
    }

    /** True when the CSE's base answers 2000 OK now. */
    public boolean answers(String cseId) {
        Optional<CseClient> client = cses.apply(cseId);
        if (client.isEmpty()) {
            return false;
        }
        try {
            Response r = client.get().send(Request.builder().operation(Operation.RETRIEVE).to(Address.CSE_BASE_ALIAS)
                    .from(originator).releaseVersion("3").requestId("ho-probe-" + SEQUENCE.incrementAndGet())
                    .build());
            return r.statusCode() == ResponseStatusCode.OK;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Readiness without any MEC lifecycle: READY when the CSE answers, UNREACHABLE otherwise. */
    public TargetPreparation asPreparation() {
        return new TargetPreparation() {
            @Override
            public TargetReadiness readiness(String cseId) {
                return answers(cseId) ? TargetReadiness.READY : TargetReadiness.UNREACHABLE;
            }

            @Override
            public Readied prepare(String cseId) {
                return answers(cseId) ? new Readied(TargetReadiness.READY, "answers")
                        : new Readied(TargetReadiness.UNREACHABLE, "does not answer and has no MEC lifecycle");
            }
        };
    }
}
