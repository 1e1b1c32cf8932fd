/**
 * Non-blocking requests and the {@code <request>} resource (TS-0001 8.2.2, TS-0004 7.4.12, digest §8.4), installed by
 * default through {@link org.oneedge.cse.request.NonBlockingRequestExtension}.
 *
 * <pre>
 *  rt=1 ─► &lt;request&gt; rs=3 PENDING ─► 1001 {"m2m:uri":ri} ─► (at oet) execute ─► rs 1/2, ors{rsc,rqi,pc,…}
 *  rt=2 ─► same, 1002 ─► NOTIFY {"m2m:rsp":…} to rt/nu, else the originator (polling channel when unreachable)
 *  rqet past at arrival 4008 · rqet before execution: FAILED, ors/rsc 4008 · rset: the &lt;request&gt;'s et
 * </pre>
 *
 * Documented choices: {@code rs} is FAILED when the operation's answer is an error; the {@code <request>} is written
 * by the CSE straight to the store (no events); an empty {@code rt/nu} cannot be told from an absent one in the
 * Request model, so both mean the originator.
 */
package org.oneedge.cse.request;
