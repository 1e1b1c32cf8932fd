package org.oneedge.binding.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.oneedge.binding.http.wire.Ts0009Codec;
import org.oneedge.binding.http.wire.Ts0009Headers;
import org.oneedge.model.ResponseStatusCode;

/**
 * Errors that Jetty raises before the oneM2M handler runs (request head too large, malformed request line,
 * ambiguous path) still answer in oneM2M form: {@code X-M2M-RSC} plus {@code {"m2m:dbg": ...}} instead of an
 * HTML page, so a oneM2M client can read every answer the same way.
 */
final class Ts0009ErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        ResponseStatusCode rsc = Ts0009Codec.statusCodeForHttp(code);
        response.getHeaders().put(Ts0009Headers.RESPONSE_STATUS_CODE, String.valueOf(rsc.code()));
        String rqi = request.getHeaders().get(Ts0009Headers.REQUEST_ID);
        if (rqi != null) {
            response.getHeaders().put(Ts0009Headers.REQUEST_ID, rqi);
        }
        byte[] body = debugBody(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] debugBody(int status, String message) {
        String text = "HTTP " + status + (message == null || message.isBlank() ? "" : ": " + message);
        return ("{\"m2m:dbg\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
