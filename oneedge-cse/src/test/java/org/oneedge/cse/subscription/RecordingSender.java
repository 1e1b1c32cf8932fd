package org.oneedge.cse.subscription;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * A fake {@link RemoteSender} for {@code http://} URLs that records every request and answers 2000, unless a URL
 * prefix was told to answer something else or to hang until {@link #release()}.
 */
public final class RecordingSender implements RemoteSender {

    /** One recorded request. */
    public record Sent(String url, Request request) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, ResponseStatusCode> answers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    public boolean supports(String pointOfAccess) {
        return pointOfAccess.startsWith("http://");
    }

    @Override
    public Response send(String pointOfAccess, Request request) {
        sent.add(new Sent(pointOfAccess, request));
        for (String prefix : hanging.keySet()) {
            if (pointOfAccess.startsWith(prefix)) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Response.of(ResponseStatusCode.TARGET_NOT_REACHABLE, null);
            }
        }
        for (Map.Entry<String, ResponseStatusCode> answer : answers.entrySet()) {
            if (pointOfAccess.startsWith(answer.getKey())) {
                return Response.of(answer.getValue(), null);
            }
        }
        return Response.of(ResponseStatusCode.OK, null);
    }

    /** From now on, URLs starting with {@code prefix} get {@code rsc}. */
    public RecordingSender answer(String prefix, ResponseStatusCode rsc) {
        answers.put(prefix, rsc);
        return this;
    }

    /** From now on, URLs starting with {@code prefix} hang until {@link #release()}. */
    public RecordingSender hang(String prefix) {
        hanging.put(prefix, true);
        return this;
    }

    public void release() {
        release.countDown();
    }

    /** Everything sent to URLs starting with {@code prefix}, in order. */
    public List<Request> to(String prefix) {
        return sent.stream().filter(s -> s.url().startsWith(prefix)).map(Sent::request).toList();
    }

    /** The event notifications ({@code nev}) sent to {@code prefix}, without verification or deletion ones. */
    public List<Request> notificationsTo(String prefix) {
        return to(prefix).stream()
                .filter(r -> r.content() != null && r.content().path("m2m:sgn").has("nev")).toList();
    }
}
