package org.oneedge.binding.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.oneedge.model.CseClient;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** A fake CSE engine for binding tests: records every request and answers with a configurable function. */
final class RecordingCse implements CseClient {
    final List<Request> received = new CopyOnWriteArrayList<>();
    volatile Function<Request, Response> answer = r -> Response.of(ResponseStatusCode.OK, null);

    @Override
    public Response send(Request request) {
        received.add(request);
        return answer.apply(request);
    }

    RecordingCse answering(Function<Request, Response> f) {
        answer = f;
        return this;
    }
}
