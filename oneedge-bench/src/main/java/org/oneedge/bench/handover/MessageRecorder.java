package org.oneedge.bench.handover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The receiving end of the bench's messages at one MN-CSE: in front of the node, it records every bench
 * contentInstance the CSE stored (2001), by the AE and number its {@code con} carries ({@code <AE-ID>:u:<n>} for
 * uplink, {@code <AE-ID>:d:<n>} for downlink). A replay the uplink window answers "already applied" is not stored
 * and not counted. {@code RETRIEVE <CSEBase>/oeBenchTally} returns the tally, so a bench in another process reads it.
 */
final class MessageRecorder implements CseClient {

    static final String TALLY_RESOURCE = "oeBenchTally";

    private final CseClient next;
    private final String tallyPath;
    private final MessageTally tally = new MessageTally();

    MessageRecorder(String cseBaseName, CseClient next) {
        this.next = next;
        this.tallyPath = cseBaseName + "/" + TALLY_RESOURCE;
    }

    MessageTally tally() {
        return tally;
    }

    static String content(String aeId, MessageTally.Direction direction, int number) {
        return aeId + (direction == MessageTally.Direction.UP ? ":u:" : ":d:") + number;
    }

    @Override
    public Response send(Request request) {
        if (request.operation() == Operation.RETRIEVE && tallyPath.equals(request.to())) {
            ObjectNode content = ContentCodec.object();
            content.set("oe:benchTally", tally.toJson());
            return Response.of(ResponseStatusCode.OK, content).withRequestId(request.requestId());
        }
        Response response = next.send(request);
        if (response.statusCode() == ResponseStatusCode.CREATED && request.operation() == Operation.CREATE
                && Integer.valueOf(ResourceType.CONTENT_INSTANCE.ty()).equals(request.resourceType()) && request.content() != null) {
            String con = request.content().path("m2m:cin").path("con").asText("");
            String[] parts = con.split(":");
            if (parts.length == 3) {
                try {
                    tally.record(parts[0], parts[1].equals("u") ? MessageTally.Direction.UP
                            : MessageTally.Direction.DOWN, Integer.parseInt(parts[2]));
                } catch (NumberFormatException e) {
                    // not a bench message
                }
            }
        }
        return response;
    }
}
