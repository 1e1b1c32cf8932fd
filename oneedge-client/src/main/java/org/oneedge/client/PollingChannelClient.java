package org.oneedge.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.oneedge.model.Operation;
import org.oneedge.model.PollingPrimitives;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The AE side of a {@code <pollingChannel>} (TS-0004 7.4.21, 7.4.22, 7.5.1.2.7, digest §8.3), for an AE registered with
 * {@code rr=false}: long-polls {@code <pch>/pcu}, hands each request to the AE's handler and answers it with a NOTIFY
 * to {@code pcu} carrying {@code {"m2m:rsp":{rqi,rsc,pc}}}, which the CSE passes back to the original requester.
 *
 * <p>Exactly-once processing, together with the CSE's side (its {@code Mailboxes}): the client polls one at a time
 * and answers every request before it polls again, so the CSE puts back anything handed to a poll whose connection
 * died; and the client remembers the {@code rqi}s it answered (the last {@link Builder#rememberedRequests(int)}): a
 * request that comes again with such an {@code rqi} (its answer was lost on the way) is not given to the handler a
 * second time, the remembered answer is sent again instead.
 * <pre>
 *   OneM2MClient ae = OneM2MClient.builder(new HttpCseClient(url)).build();
 *   ae.registerAe("meter", "Nmeter", false, List.of());
 *   PollingChannelClient channel = PollingChannelClient.builder(ae, PollingChannelClient.createChannel(ae, "pch"))
 *           .handler(request -&gt; Response.of(ResponseStatusCode.OK, null)).build();
 *   while (running) { channel.pollOnce(); }
 * </pre>
 * Not thread-safe: one thread polls (that is the protocol).
 */
public final class PollingChannelClient {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OneM2MClient client;
    private final String pcu;
    private final Duration pollDuration;
    private final Function<Request, Response> handler;
    private final Map<String, Response> answered;
    private final AtomicLong repeats = new AtomicLong();

    private PollingChannelClient(Builder b) {
        this.client = b.client;
        this.pcu = b.channel + "/pcu";
        this.pollDuration = b.pollDuration;
        this.handler = b.handler;
        int remembered = b.rememberedRequests;
        this.answered = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Response> eldest) {
                return size() > remembered;
            }
        };
    }

    /**
     * A builder for the channel at {@code channel} (the {@code <pollingChannel>} path, e.g.
     * {@code cse-in/meter/pch}), polled as {@code client}'s originator.
     */
    public static Builder builder(OneM2MClient client, String channel) {
        return new Builder(client, channel);
    }

    /** Creates the AE's {@code <pollingChannel>} named {@code name} under its {@code <AE>}; returns its path. */
    public static String createChannel(OneM2MClient ae, String name) {
        if (ae.aePath() == null) {
            throw new IllegalStateException("register the AE before creating its polling channel");
        }
        ObjectNode pch = NODES.objectNode().put("rn", name);
        RemoteResource created = ae.create(ae.aePath(), ResourceType.POLLING_CHANNEL, pch);
        return created.path() != null ? created.path() : ae.aePath() + "/" + name;
    }

    /**
     * One long poll: waits up to the poll duration for a request; a new one goes to the handler, a repeated one
     * (same {@code rqi} as one answered before) gets the remembered answer again; either way the answer is posted to
     * {@code pcu}.
     *
     * @return the request given to the handler; empty when nothing came in time or the request was a repeat
     * @throws RequestFailedException when the poll fails with anything but 4008 (e.g. 4103 on a foreign channel)
     */
    public Optional<Request> pollOnce() {
        Response polled = client.send(Request.builder().operation(Operation.RETRIEVE).to(pcu)
                .requestExpirationTimestamp(Long.toString(pollDuration.toMillis())));
        if (polled.statusCode() == ResponseStatusCode.REQUEST_TIMEOUT) {
            return Optional.empty();
        }
        JsonNode rqp = polled.content() == null ? null : polled.content().get("m2m:rqp");
        if (!polled.isSuccess() || rqp == null || !rqp.isObject()) {
            throw new RequestFailedException("poll " + pcu, polled);
        }
        Request request = PollingPrimitives.request(rqp);
        Response previous = answered.get(request.requestId());
        if (previous != null) {
            repeats.incrementAndGet();
            answer(request.requestId(), previous);
            return Optional.empty();
        }
        Response response;
        try {
            response = handler.apply(request);
        } catch (RuntimeException e) {
            response = Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "the AE failed: " + e);
        }
        if (response == null) {
            response = Response.of(ResponseStatusCode.OK, null);
        }
        answered.put(request.requestId(), response);
        answer(request.requestId(), response);
        return Optional.of(request);
    }

    /** How many requests came again after they had been answered (and were not processed again). */
    public long repeatsSuppressed() {
        return repeats.get();
    }

    /**
     * Posts the answer; a failure is not fatal: the request then comes again with the next poll and is answered
     * again from memory.
     */
    private void answer(String rqi, Response response) {
        ObjectNode rsp = PollingPrimitives.responsePrimitive(rqi, response);
        client.send(Request.builder().operation(Operation.NOTIFY).to(pcu).content(rsp));
    }

    /** Builds a {@link PollingChannelClient}. */
    public static final class Builder {
        private final OneM2MClient client;
        private final String channel;
        private Duration pollDuration = Duration.ofSeconds(5);
        private Function<Request, Response> handler = request -> Response.of(ResponseStatusCode.OK, null);
        private int rememberedRequests = 1024;

        private Builder(OneM2MClient client, String channel) {
            if (client == null || channel == null || channel.isBlank()) {
                throw new IllegalArgumentException("a client and the pollingChannel path are needed");
            }
            this.client = client;
            this.channel = channel;
        }

        /**
         * How long one poll waits for a request (sent as relative {@code rqet}); default 5 s. Keep it below the
         * transport's request timeout.
         */
        public Builder pollDuration(Duration v) {
            if (v == null || v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("the poll duration must be positive");
            }
            pollDuration = v;
            return this;
        }

        /** What the AE does with a request; its response goes back to the requester. Default: 2000, no content. */
        public Builder handler(Function<Request, Response> v) {
            handler = v;
            return this;
        }

        /** How many answered {@code rqi}s are remembered to recognise repeats; default 1024. */
        public Builder rememberedRequests(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("at least one answered request must be remembered");
            }
            rememberedRequests = v;
            return this;
        }

        public PollingChannelClient build() {
            return new PollingChannelClient(this);
        }
    }
}
