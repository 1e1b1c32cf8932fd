package org.oneedge.bench.handover;

import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.handover.HandoverCoordinator;
import org.oneedge.handover.continuity.CseHeldDownlinks;
import org.oneedge.handover.continuity.DownlinkRouter;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.handover.registry.CseServingRegistry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.transaction.CseTransactionStore;
import org.oneedge.model.CseClient;

/**
 * The bench topology in this JVM: every CSE has its own HTTP server on a loopback port and devices, downlinks, the
 * MN-CSEs' registry reads and their registration reach each other over it; the coordinator and the downlink router
 * sit with the IN-CSE and call its engine and the MN-CSEs' handover nodes directly.
 */
final class InJvmSites implements HandoverSites {

    private final BenchCse in;
    private final Map<String, BenchCse> mns = new LinkedHashMap<>();
    private final Map<String, HttpCseClient> clients = new LinkedHashMap<>();
    private final HttpCseClient inClient;
    private final ServingRegistry registry;
    private final ServingRegistry deviceRegistry;
    private final HandoverCoordinator coordinator;
    private final DownlinkRouter downlinks;

    InJvmSites(int mnCount, int maxInstances) {
        KeyPair keys = HandoverTokenIssuer.generateKeyPair();
        in = BenchCse.in();
        List<BenchCse> started = new ArrayList<>();
        try {
            for (int k = 1; k <= mnCount; k++) {
                BenchCse mn = BenchCse.mn("/id-mn" + k, "cse-mn" + k, in.url(), keys.getPublic());
                started.add(mn);
                mns.put(mn.cseId, mn);
                clients.put(mn.cseId, new HttpCseClient(mn.url()));
            }
        } catch (RuntimeException e) {
            started.forEach(BenchCse::close);
            in.close();
            throw e;
        }
        inClient = new HttpCseClient(in.url());
        CseRequests atIn = new CseRequests(in.cse, BenchCse.COORDINATOR);
        registry = new CseServingRegistry(atIn, BenchCse.REGISTRY_PATH);
        deviceRegistry = new CseServingRegistry(new CseRequests(inClient, BenchCse.COORDINATOR),
                BenchCse.REGISTRY_PATH);
        coordinator = new HandoverCoordinator(registry, new CseTransactionStore(atIn, BenchCse.REGISTRY_PATH),
                new HandoverTokenIssuer(keys.getPrivate(), Clock.systemUTC(), HandoverTokenIssuer.DEFAULT_TIME_TO_LIVE),
                id -> Optional.ofNullable(mns.get(id)).map(mn -> mn.node), Clock.systemUTC(), maxInstances);
        downlinks = new DownlinkRouter(registry, clients::get, Clock.systemUTC(), 1000, DOWNLINK_MAX_HOLD,
                new CseHeldDownlinks(atIn, BenchCse.REGISTRY_PATH));
        coordinator.downlinks(downlinks);
    }

    @Override
    public List<String> mnCseIds() {
        return List.copyOf(mns.keySet());
    }

    @Override
    public String base(String cseId) {
        return mns.get(cseId).base;
    }

    @Override
    public CseClient mn(String cseId) {
        return clients.get(cseId);
    }

    @Override
    public ServingRegistry deviceRegistry() {
        return deviceRegistry;
    }

    @Override
    public ServingRegistry registry() {
        return registry;
    }

    @Override
    public HandoverCoordinator coordinator() {
        return coordinator;
    }

    @Override
    public DownlinkRouter downlinks() {
        return downlinks;
    }

    @Override
    public MessageTally tally() {
        MessageTally all = new MessageTally();
        mns.values().forEach(mn -> all.merge(mn.recorder.tally()));
        return all;
    }

    @Override
    public void close() {
        clients.values().forEach(HttpCseClient::close);
        inClient.close();
        mns.values().forEach(BenchCse::close);
        in.close();
    }
}
