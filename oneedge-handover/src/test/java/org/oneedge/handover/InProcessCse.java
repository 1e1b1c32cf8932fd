package org.oneedge.handover;

import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;

/** An MN- or IN-CSE in this JVM on an in-memory store, for handover tests. */
public final class InProcessCse implements AutoCloseable {

    public static final String ADMIN = "CAdmin";

    public final Cse cse;
    public final String cseId;
    public final String base;

    private InProcessCse(String cseId, String base, CseType type) {
        this.cseId = cseId;
        this.base = base;
        this.cse = Cse.builder()
                .config(CseConfig.defaults().withCseId(cseId).withCseBaseName(base).withCseType(type))
                .store(new InMemoryResourceStore()).accessChecker(AccessChecker.allowAll()).build();
        cse.start();
    }

    public static InProcessCse in() {
        return new InProcessCse("/id-in", "cse-in", CseType.IN);
    }

    public static InProcessCse mn(int n) {
        return new InProcessCse("/id-mn" + n, "cse-mn" + n, CseType.MN);
    }

    public CseRequests as(String originator) {
        return new CseRequests(cse, originator);
    }

    public CseRequests admin() {
        return as(ADMIN);
    }

    public Response registerAe(String aeId, String rn) {
        return as(aeId).create(base, ResourceType.AE, ContentCodec.parse(
                "{\"m2m:ae\":{\"rn\":\"" + rn + "\",\"api\":\"Nhandover.test\",\"rr\":true,\"srv\":[\"3\"]}}"));
    }

    @Override
    public void close() {
        cse.close();
    }
}
