/**
 * Polling channels (TS-0004 7.4.21, 7.4.22, 7.5.1.2.7, digest §8.3), installed by default (and first) through
 * {@link org.oneedge.cse.polling.PollingChannelExtension}.
 *
 * <pre>
 *  NOTIFY for an AE with rr=false or no poa ─► NotificationTargetResolver ─► "oneedge-poll:&lt;ri&gt;"
 *        ─► PollingChannelSender ─► Mailboxes[AE] (bounded, messages expire)
 *  RETRIEVE &lt;pch&gt;/pcu by the AE ─► long poll ─► 2000 {"m2m:rqp":{…}} · nothing in time: 4008
 *  NOTIFY &lt;pch&gt;/pcu {"m2m:rsp":{rqi,…}} ─► the message is done · unanswered after ackTimeout: queued again
 * </pre>
 *
 * Delivery guarantee and why: see {@code Mailboxes}. Entities reached this way get 2000 from the sender as soon as a
 * message is queued (also for subscription verification requests); the entity's answer is only logged.
 */
package org.oneedge.cse.polling;
