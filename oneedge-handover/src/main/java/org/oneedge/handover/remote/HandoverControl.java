package org.oneedge.handover.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.oneedge.handover.HandoverParticipant;
import org.oneedge.handover.context.AeContext;
import org.oneedge.handover.context.AeContextCodec;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.handover.token.HandoverClaims;
import org.oneedge.handover.token.TokenVerification;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The MN-CSE end of {@link RemoteHandoverParticipant}: answers UPDATE requests on the virtual resource
 * {@code <CSEBase>/oeHoCtl} from the coordinator's originator by calling the local {@link HandoverParticipant}, and
 * passes every other request on unchanged. Operations ({@code pc} root key): {@code oe:hoAdmit}
 * {@code {tok, aeid, epoch}}, {@code oe:hoExport} {@code {aeid, max}}, {@code oe:hoImport} (a context),
 * {@code oe:hoRelease}/{@code oe:hoHosts} {@code {aeid}}, {@code oe:hoRestore} (a context),
 * {@code oe:hoSrvChg} {@code {aeid, csi, epoch, st, txid}} (the committed serving entry); the answer is 2004 with
 * {@code oe:hoRes}. Other originators get 4103: only the coordinator moves contexts.
 */
public final class HandoverControl implements CseClient {

    /** Name of the virtual resource under the CSEBase. */
    public static final String RESOURCE_NAME = "oeHoCtl";

    private final String path;
    private final HandoverParticipant node;
    private final CseClient next;
    private final String coordinator;

    /**
     * @param cseBaseName the MN-CSE's CSEBase name, e.g. {@code cse-mn1}
     * @param next        where every other request goes (the node's request front)
     * @param coordinator the coordinator's originator, e.g. {@code CoeHandover}
     */
    public HandoverControl(String cseBaseName, HandoverParticipant node, CseClient next, String coordinator) {
        this.path = cseBaseName + "/" + RESOURCE_NAME;
        this.node = node;
        this.next = next;
        this.coordinator = coordinator;
    }

    @Override
    public Response send(Request request) {
        String to = request.to();
        if (to == null || !(to.equals(path) || to.endsWith("/" + path))) {
            return next.send(request);
        }
        Response r = handle(request);
        return r.withRequestId(request.requestId()).withReleaseVersion(request.releaseVersion());
    }

    private Response handle(Request request) {
        if (!coordinator.equals(request.from())) {
            return Response.error(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                    "only the handover coordinator " + coordinator + " may use " + path);
        }
        if (request.operation() != Operation.UPDATE || request.content() == null
                || request.content().size() != 1) {
            return Response.error(ResponseStatusCode.BAD_REQUEST,
                    path + " takes an UPDATE with one of oe:hoAdmit, oe:hoExport, oe:hoImport, oe:hoRelease,"
                            + " oe:hoHosts, oe:hoRestore, oe:hoSrvChg");
        }
        String op = request.content().fieldNames().next();
        JsonNode in = request.content().get(op);
        ObjectNode out = ContentCodec.object();
        try {
            switch (op) {
                case "oe:hoAdmit" -> {
                    TokenVerification v = node.admit(in.path("tok").asText(), in.path("aeid").asText(),
                            in.path("epoch").asLong());
                    if (v instanceof TokenVerification.Refused refused) {
                        out.put("refused", refused.reason().name());
                        out.put("msg", refused.message());
                    } else if (v instanceof TokenVerification.Accepted accepted) {
                        HandoverClaims c = accepted.claims();
                        ObjectNode claims = out.putObject("claims");
                        claims.put("aeid", c.aeId());
                        claims.put("src", c.sourceCseId());
                        claims.put("tgt", c.targetCseId());
                        claims.put("epoch", c.epoch());
                        claims.put("txid", c.txid());
                        claims.put("iat", c.issuedAt().toString());
                        claims.put("exp", c.expiresAt().toString());
                        claims.put("jti", c.jti());
                    }
                }
                case "oe:hoExport" -> {
                    Optional<AeContext> context = node.export(in.path("aeid").asText(), in.path("max").asInt());
                    context.ifPresent(c -> out.set("ctx", AeContextCodec.encode(c)));
                }
                case "oe:hoImport" -> out.put("created", node.importContext(AeContextCodec.decode(in)));
                case "oe:hoRelease" -> out.put("released", node.release(in.path("aeid").asText()));
                case "oe:hoHosts" -> out.put("hosts", node.hosts(in.path("aeid").asText()));
                case "oe:hoRestore" -> node.restoreWindow(AeContextCodec.decode(in));
                case "oe:hoSrvChg" -> node.servingChanged(in.path("aeid").asText(), new ServingEntry(
                        in.path("aeid").asText(), in.path("csi").asText(), in.path("epoch").asLong(),
                        ServingState.valueOf(in.path("st").asText()),
                        in.hasNonNull("txid") ? in.get("txid").asText() : null));
                default -> {
                    return Response.error(ResponseStatusCode.BAD_REQUEST, "unknown handover operation " + op);
                }
            }
        } catch (IllegalArgumentException e) {
            return Response.error(ResponseStatusCode.BAD_REQUEST, op + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, op + " failed: " + e);
        }
        ObjectNode content = ContentCodec.object();
        content.set("oe:hoRes", out);
        return Response.of(ResponseStatusCode.UPDATED, content);
    }
}
