package org.oneedge.cse.group;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.oneedge.cse.CseExtension;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.resource.LocalResolver;

/**
 * Plugs groups into the engine (TS-0001 9.6.13/9.6.14, digest §7.3): the {@code <group>} handler, its
 * {@code fopt} fan-out, which sends member requests on virtual threads through the CSE itself, and the
 * {@link GroupMembershipListener} that drops deleted members from {@code mid}.
 *
 * <pre>
 *  Cse.builder().extension(new GroupExtension(acl::checker))   // installed by default
 * </pre>
 */
public final class GroupExtension implements CseExtension {

    /**
     * Tunables of the fan-out.
     *
     * @param maxParallel member requests of one fan-out in flight at once (default 32)
     * @param timeout     how long a fan-out waits for members when the request has no {@code rset} (default 30 s);
     *                    members answering later are left out of the aggregated response
     */
    public record Settings(int maxParallel, Duration timeout) {
        public Settings {
            if (maxParallel < 1 || timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("maxParallel must be positive and timeout positive");
            }
        }

        public static Settings defaults() {
            return new Settings(32, Duration.ofSeconds(30));
        }
    }

    private final Supplier<AccessChecker> accessChecker;
    private final Settings settings;
    private ExecutorService executor;
    private GroupMembershipListener membership;

    /** @param accessChecker the engine's checker, asked whether the originator may retrieve each member */
    public GroupExtension(Supplier<AccessChecker> accessChecker) {
        this(accessChecker, Settings.defaults());
    }

    public GroupExtension(Supplier<AccessChecker> accessChecker, Settings settings) {
        this.accessChecker = accessChecker;
        this.settings = settings;
    }

    @Override
    public void install(Installation installation) {
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("oneedge-fopt-", 0).factory());
        LocalResolver resolver = new LocalResolver(installation.store(), installation.config());
        FanOutPoint fanOutPoint = new FanOutPoint(installation.cse(), executor, settings.maxParallel(),
                settings.timeout(), installation.clock());
        installation.handler(new GroupHandler(accessChecker, resolver, fanOutPoint));
        membership = new GroupMembershipListener(installation.cse(), installation.store(), resolver,
                installation.config());
        installation.listener(membership);
    }

    @Override
    public void start() {
        membership.start();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
