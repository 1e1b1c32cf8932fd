/**
 * The oneM2M HTTP binding (TS-0009): a server that turns HTTP requests into {@link org.oneedge.model.Request}s for a
 * {@link org.oneedge.model.CseClient}, and the client side ({@link org.oneedge.binding.http.HttpRemoteSender},
 * {@link org.oneedge.binding.http.HttpCseClient}, {@link org.oneedge.binding.http.HttpNotificationReceiver}).
 * <pre>
 *   AE/CSE ──HTTP/1.1──▶ Jetty 12 (virtual thread) ─▶ Ts0009Handler ─▶ Ts0009Codec.decodeRequest ─▶ CseClient
 *   AE/CSE ◀──────────── Jetty 12 ◀─ Ts0009Handler ◀─ Ts0009Codec.encodeResponse ◀──────────────── Response
 *
 *   Request ─▶ Ts0009Codec.encodeRequest ─▶ HttpTransport ─▶ Http11ConnectionPool (http://, keep-alive) ─▶ peer
 *                                                        └─▶ java.net.http client (https://) ───────────▶ peer
 *   Response ◀─ Ts0009Codec.decodeResponse ◀─────────────────────────────────────────────────────────── peer
 * </pre>
 * The server is plain Jetty 12 core handlers (no servlet API, no Javalin): it keeps full control of methods, body
 * limits and the raw wire.
 * <p>
 * Choices where the specification leaves room (see {@code ONEM2M-DIGEST.md} sections 2 and 3):
 * <ul>
 *   <li>A missing {@code X-M2M-RI} is refused with 4000 BAD_REQUEST: {@code rqi} is mandatory in every request
 *       (TS-0004 7.2.1.1) and the binding must echo it; none is made up.</li>
 *   <li>A missing {@code X-M2M-RVI} is passed on as null; which release versions are accepted is the CSE's
 *       configuration (ACME answers 4001). The response echoes the request's {@code X-M2M-RVI} when the CSE sets none.</li>
 *   <li>A body over {@link org.oneedge.binding.http.HttpBindingConfig#maxBodyBytes()} is refused with 4000
 *       BAD_REQUEST before it is read: TS-0009 maps no code to HTTP 413, the fault is the originator's (4xxx), and
 *       5207 NOT_ACCEPTABLE (HTTP 406) is kept for an {@code Accept} the binding cannot serve.</li>
 *   <li>Methods other than GET/PUT/POST/DELETE get 4005 with an {@code Allow} header. POST with {@code ty} in
 *       {@code Content-Type} is CREATE, without it NOTIFY (TS-0009 6.2.1).</li>
 *   <li>Media types: {@code application/json}, {@code application/vnd.onem2m-res+json},
 *       {@code application/vnd.onem2m-ntfy+json} and the same three for {@code cbor}; others 4015. A body without
 *       {@code Content-Type} is 4015. The server answers in the {@code Accept}ed format; without {@code Accept} (or
 *       with a wildcard) in the request's format, else JSON; an {@code Accept} it cannot meet is 5207. Clients
 *       ({@code HttpCseClient}, {@code HttpRemoteSender}) send JSON by default.</li>
 *   <li>Query: lists are repeated or {@code +}-joined ({@code +} is never a space); {@code rn} fills
 *       {@code FilterCriteria.resourceNames}; any unknown name is an attribute condition; {@code da} is checked and
 *       dropped (no CMDH); fields OneEdge does not implement ({@code smf}, {@code rids}, {@code chty}, {@code c.}/{@code
 *       p.} conditions, ...) get 5001 rather than being ignored. Bad numbers and timestamps get 4000 naming the field.</li>
 *   <li>{@code Authorization: Bearer t1+t2} becomes the tokens {@code [t1, t2]}; any other scheme is kept whole as one
 *       token.</li>
 *   <li>Errors Jetty raises before the mapping (431 head too large, malformed request line) also carry
 *       {@code X-M2M-RSC} and {@code m2m:dbg}.</li>
 * </ul>
 */
package org.oneedge.binding.http;
