package org.oneedge.cse.remote;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;

/** One CSE of an in-process topology: engine, store, forwarder and (for MN-CSEs) a registrar. */
final class MccNode implements AutoCloseable {

    final String name;
    final CseConfig config;
    final InMemoryResourceStore store;
    final Cse cse;
    final String url;
    final RemoteCseForwarder forwarder;
    CseRegistrar registrar;
    private final InProcessNetwork network;
    private final AtomicLong rqi = new AtomicLong();

    private MccNode(String name, CseConfig config, InMemoryResourceStore store, InProcessNetwork network) {
        this.name = name;
        this.network = network;
        this.url = "mem://" + name;
        this.config = config.withPointOfAccess(List.of(url));
        this.store = store;
        this.forwarder = new RemoteCseForwarder(this.config, store, List.of(network)).queueNotifications(store,
                java.time.Clock.systemUTC(), MccOutbox.Settings.defaults().withRetryInterval(Duration.ofMillis(20))
                        .withMaxRetryInterval(Duration.ofMillis(100)));
        this.cse = Cse.builder().config(this.config).store(store).remoteSender(network)
                .forwarder(forwarder)
                .extension(new org.oneedge.cse.announcement.AnnouncementExtension()).build();
        cse.start();
        forwarder.start();
        network.attach(name, cse);
    }

    static MccNode in(InProcessNetwork network) {
        return new MccNode("id-in", CseConfig.defaults(), new InMemoryResourceStore(), network);
    }

    static MccNode mn(InProcessNetwork network, String n) {
        return mn(network, n, new InMemoryResourceStore());
    }

    static MccNode mn(InProcessNetwork network, String n, InMemoryResourceStore store) {
        CseConfig config = CseConfig.defaults().withCseId("/id-" + n).withCseBaseName("cse-" + n)
                .withCseType(CseType.MN);
        return new MccNode("id-" + n, config, store, network);
    }

    /** A node under another network name that claims an existing CSE-ID with its own CSEBase name. */
    static MccNode impostor(InProcessNetwork network, String name, String cseId, String cseBaseName) {
        CseConfig config = CseConfig.defaults().withCseId(cseId).withCseBaseName(cseBaseName).withCseType(CseType.MN);
        return new MccNode(name, config, new InMemoryResourceStore(), network);
    }

    static MccNode asn(InProcessNetwork network, String n) {
        CseConfig config = CseConfig.defaults().withCseId("/id-" + n).withCseBaseName("cse-" + n)
                .withCseType(CseType.ASN);
        return new MccNode("id-" + n, config, new InMemoryResourceStore(), network);
    }

    /** Registers this node to {@code parent} with test-friendly intervals. */
    MccNode registerTo(MccNode parent, boolean deregisterOnShutdown) {
        registrar = new CseRegistrar(RegistrarConfig.builder(parent.config.cseId(), parent.config.cseBaseName(),
                        List.of(parent.url)).retryInterval(Duration.ofMillis(50)).maxRetryInterval(Duration.ofMillis(200))
                .refreshInterval(Duration.ofSeconds(30)).deregisterOnShutdown(deregisterOnShutdown).build(),
                config, cse, store, List.of(network));
        registrar.start();
        return this;
    }

    Request.Builder request(Operation op, String to, String from) {
        return Request.builder().operation(op).to(to).from(from).releaseVersion("3")
                .requestId(name + "-rq" + rqi.incrementAndGet());
    }

    Response send(Request.Builder request) {
        return cse.send(request.build());
    }

    Response create(String parent, String from, ResourceType type, String json) {
        return send(request(Operation.CREATE, parent, from).resourceType(type).content(ContentCodec.parse(json)));
    }

    Response retrieve(String to, String from) {
        return send(request(Operation.RETRIEVE, to, from));
    }

    /** UPDATEs this node's own {@code <remoteCSE>} at its registrar, as this CSE. */
    Response registrarClientUpdate(String json) {
        RegistrarConfig rc = registrar.config();
        return network.send(rc.pointsOfAccess().get(0), request(Operation.UPDATE,
                rc.registrarCseId() + "/" + config.cseIdWithoutSlash(), config.cseId())
                .content(ContentCodec.parse(json)).build());
    }

    @Override
    public void close() {
        if (registrar != null) {
            registrar.close();
        }
        network.detach(name);
        forwarder.close();
        cse.close();
    }
}
