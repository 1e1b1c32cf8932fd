package org.oneedge.binding.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
import org.oneedge.binding.http.wire.Ts0009Headers;

/**
 * Answers every request with the same bytes (200, {@code X-M2M-RSC: 2000}) on the same Jetty stack as the oneM2M
 * handler: the benchmark's baseline for what the HTTP stack alone costs.
 */
final class FixedBodyHandler extends Handler.Abstract {

    private final byte[] body;

    FixedBodyHandler(byte[] body) {
        this.body = body.clone();
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                          Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(Ts0009Headers.RESPONSE_STATUS_CODE, "2000");
        String rqi = request.getHeaders().get(Ts0009Headers.REQUEST_ID);
        if (rqi != null) {
            response.getHeaders().put(Ts0009Headers.REQUEST_ID, rqi);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
