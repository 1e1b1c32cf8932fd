package org.oneedge.handover.candidate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.oneedge.mec.api.lcm.AppInstanceInfo;
import org.oneedge.mec.api.lcm.AppLcmOpOcc;
import org.oneedge.mec.api.lcm.AppOperationalState;
import org.oneedge.mec.api.lcm.InstantiateAppRequest;
import org.oneedge.mec.api.lcm.InstantiationState;
import org.oneedge.mec.api.lcm.MecLcmClient;
import org.oneedge.mec.api.lcm.OperateAppRequest;
import org.oneedge.mec.api.lcm.OperationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness of MN-CSEs deployed as MEC applications, and bringing a provisioned one up through MEC 010-2 lifecycle
 * management before a switch (HANDOVER.md "Target readiness"; MEC 010-2 7.4 app instance lifecycle).
 *
 * <pre>
 *  answers? ── yes ─► READY
 *     │ no
 *  GET /app_instances/{id}: NOT_INSTANTIATED ─► POST …/instantiate (selectedMECHostInfo = its host)
 *                           INSTANTIATED, STOPPED ─► POST …/operate (changeStateTo STARTED)
 *                           INSTANTIATED, STARTED ─► (already starting)
 *  await the op occurrence COMPLETED, then await the CSE answering ─► READY | ACTIVATION_FAILED (with why)
 * </pre>
 * Targets without a known deployment are judged by {@link CseAnswers} alone.
 */
public final class MecLcmTargets implements TargetPreparation {

    private static final Logger LOG = LoggerFactory.getLogger(MecLcmTargets.class);

    /**
     * Where an MN-CSE runs as a MEC application.
     *
     * @param appInstanceId the MEC 010-2 app instance id
     * @param hostName      the MEC host to instantiate it on
     */
    public record Deployment(String appInstanceId, String hostName) {
    }

    /**
     * @param deadline how long one activation may take (instantiation plus the CSE answering), default 30 s
     * @param poll     how often the operation and the CSE are checked while waiting, default 50 ms
     */
    public record Config(Duration deadline, Duration poll) {
        public static final Config DEFAULTS = new Config(Duration.ofSeconds(30), Duration.ofMillis(50));

        public Config {
            if (deadline.isNegative() || deadline.isZero() || poll.isNegative() || poll.isZero()) {
                throw new IllegalArgumentException("deadline and poll must be positive");
            }
        }
    }

    private final MecLcmClient lcm;
    private final Map<String, Deployment> deployments;
    private final CseAnswers answers;
    private final Config config;
    private final Clock clock;

    /** @param deployments MEC deployment of each MN-CSE by CSE-ID */
    public MecLcmTargets(MecLcmClient lcm, Map<String, Deployment> deployments, CseAnswers answers, Config config,
                         Clock clock) {
        this.lcm = lcm;
        this.deployments = Map.copyOf(deployments);
        this.answers = answers;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public TargetReadiness readiness(String cseId) {
        if (answers.answers(cseId)) {
            return TargetReadiness.READY;
        }
        Deployment d = deployments.get(cseId);
        if (d == null) {
            return TargetReadiness.UNREACHABLE;
        }
        AppInstanceInfo info;
        try {
            info = lcm.instance(d.appInstanceId());
        } catch (RuntimeException e) {
            LOG.debug("target {}: app instance {} unknown to the MEC platform: {}", cseId, d.appInstanceId(),
                    e.toString());
            return TargetReadiness.UNREACHABLE;
        }
        if (info.instantiationState() != InstantiationState.INSTANTIATED) {
            return TargetReadiness.PROVISIONED_NOT_INSTANTIATED;
        }
        AppInstanceInfo.InstantiatedAppState state = info.instantiatedAppState();
        return state != null && state.operationalState() == AppOperationalState.STOPPED ? TargetReadiness.STOPPED
                : TargetReadiness.STARTING;
    }

    @Override
    public Readied prepare(String cseId) {
        TargetReadiness now = readiness(cseId);
        if (!now.activatable()) {
            return new Readied(now, now == TargetReadiness.READY ? "answers"
                    : "does not answer and has no MEC app instance");
        }
        Deployment d = deployments.get(cseId);
        Instant deadline = clock.instant().plus(config.deadline());
        String how;
        try {
            how = switch (now) {
                case PROVISIONED_NOT_INSTANTIATED -> {
                    String op = lcm.instantiate(d.appInstanceId(), InstantiateAppRequest.onHost(d.hostName()));
                    LOG.info("target {}: instantiating app instance {} on {}", cseId, d.appInstanceId(),
                            d.hostName());
                    yield awaitOperation(op, deadline, "instantiated on " + d.hostName());
                }
                case STOPPED -> {
                    String op = lcm.operate(d.appInstanceId(),
                            new OperateAppRequest(AppOperationalState.STARTED, null, null));
                    LOG.info("target {}: starting app instance {}", cseId, d.appInstanceId());
                    yield awaitOperation(op, deadline, "started on " + d.hostName());
                }
                default -> "already starting";
            };
        } catch (RuntimeException e) {
            return new Readied(TargetReadiness.ACTIVATION_FAILED, "MEC 010-2 lifecycle of app instance "
                    + d.appInstanceId() + " failed: " + e.getMessage());
        }
        if (how.startsWith("operation ")) {
            return new Readied(TargetReadiness.ACTIVATION_FAILED, how);
        }
        if (!await(() -> answers.answers(cseId), deadline)) {
            return new Readied(TargetReadiness.ACTIVATION_FAILED, how + " but the CSE did not answer within "
                    + config.deadline());
        }
        LOG.info("target {} ready: {}", cseId, how);
        return new Readied(TargetReadiness.READY, how + ", CSE answered");
    }

    /** The success text, or a text starting with "operation " saying why the operation did not complete. */
    private String awaitOperation(String opUrl, Instant deadline, String success) {
        OperationState[] last = {null};
        boolean ended = await(() -> {
            AppLcmOpOcc op = lcm.opOcc(opUrl);
            last[0] = op.operationState();
            return op.operationState() == OperationState.COMPLETED || op.operationState() == OperationState.FAILED;
        }, deadline);
        if (!ended) {
            return "operation " + opUrl + " still " + last[0] + " after " + config.deadline();
        }
        return last[0] == OperationState.COMPLETED ? success : "operation " + opUrl + " FAILED";
    }

    private boolean await(BooleanSupplier condition, Instant deadline) {
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!clock.instant().isBefore(deadline)) {
                return false;
            }
            try {
                Thread.sleep(config.poll());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
