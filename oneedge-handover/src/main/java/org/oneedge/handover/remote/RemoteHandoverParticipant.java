package org.oneedge.handover.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.handover.HandoverParticipant;
import org.oneedge.handover.context.AeContext;
import org.oneedge.handover.context.AeContextCodec;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.token.HandoverClaims;
import org.oneedge.handover.token.TokenRefusal;
import org.oneedge.handover.token.TokenVerification;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * An MN-CSE in another process as the coordinator sees it: each {@link HandoverParticipant} call is one UPDATE on
 * the node's {@code <CSEBase>/oeHoCtl} (answered by its {@link HandoverControl}) over any {@link CseClient}.
 * Failures of the node or the transport surface as {@link OneM2MException}, which the coordinator treats like a
 * failed local call (rollback before the commit, FAILED after it).
 */
public final class RemoteHandoverParticipant implements HandoverParticipant {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String cseId;
    private final String path;
    private final CseClient cse;
    private final String originator;

    /**
     * @param cse        reaches the MN-CSE, e.g. an HTTP client on its base URL
     * @param originator the coordinator's originator, the one the node's {@link HandoverControl} accepts
     */
    public RemoteHandoverParticipant(String cseId, String cseBaseName, CseClient cse, String originator) {
        this.cseId = cseId;
        this.path = cseBaseName + "/" + HandoverControl.RESOURCE_NAME;
        this.cse = cse;
        this.originator = originator;
    }

    @Override
    public String cseId() {
        return cseId;
    }

    @Override
    public TokenVerification admit(String token, String aeId, long currentEpoch) {
        ObjectNode in = ContentCodec.object();
        in.put("tok", token);
        in.put("aeid", aeId);
        in.put("epoch", currentEpoch);
        JsonNode out = call("oe:hoAdmit", in);
        if (out.has("refused")) {
            return new TokenVerification.Refused(TokenRefusal.valueOf(out.path("refused").asText()),
                    out.path("msg").asText());
        }
        JsonNode c = out.path("claims");
        return new TokenVerification.Accepted(new HandoverClaims(c.path("aeid").asText(), c.path("src").asText(),
                c.path("tgt").asText(), c.path("epoch").asLong(), c.path("txid").asText(),
                Instant.parse(c.path("iat").asText()), Instant.parse(c.path("exp").asText()), c.path("jti").asText()));
    }

    @Override
    public Optional<AeContext> export(String aeId, int maxInstances) {
        ObjectNode in = ContentCodec.object();
        in.put("aeid", aeId);
        in.put("max", maxInstances);
        JsonNode out = call("oe:hoExport", in);
        return out.has("ctx") ? Optional.of(AeContextCodec.decode(out.get("ctx"))) : Optional.empty();
    }

    @Override
    public int importContext(AeContext context) {
        return call("oe:hoImport", AeContextCodec.encode(context)).path("created").asInt();
    }

    @Override
    public boolean release(String aeId) {
        return call("oe:hoRelease", ae(aeId)).path("released").asBoolean();
    }

    @Override
    public boolean hosts(String aeId) {
        return call("oe:hoHosts", ae(aeId)).path("hosts").asBoolean();
    }

    @Override
    public void restoreWindow(AeContext context) {
        call("oe:hoRestore", AeContextCodec.encode(context));
    }

    @Override
    public void servingChanged(String aeId, ServingEntry now) {
        ObjectNode in = ae(aeId);
        in.put("csi", now.servingCseId());
        in.put("epoch", now.epoch());
        in.put("st", now.state().name());
        if (now.txid() != null) {
            in.put("txid", now.txid());
        }
        call("oe:hoSrvChg", in);
    }

    private static ObjectNode ae(String aeId) {
        ObjectNode in = ContentCodec.object();
        in.put("aeid", aeId);
        return in;
    }

    private JsonNode call(String operation, ObjectNode in) {
        ObjectNode content = ContentCodec.object();
        content.set(operation, in);
        Response r = cse.send(Request.builder().operation(Operation.UPDATE).to(path).from(originator)
                .releaseVersion("3").requestId("ho-ctl-" + SEQUENCE.incrementAndGet()).content(content).build());
        if (r.statusCode() != ResponseStatusCode.UPDATED || r.content() == null) {
            throw new OneM2MException(r.statusCode() == ResponseStatusCode.UPDATED
                    ? ResponseStatusCode.INTERNAL_SERVER_ERROR : r.statusCode(),
                    operation + " at " + cseId + ": " + r.statusCode() + " " + r.debugMessage());
        }
        return r.content().path("oe:hoRes");
    }
}
