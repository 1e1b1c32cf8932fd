/**
 * Polling channels (TS-0004 7.4.21, 7.4.22, 7.5.1.2.7, digest §8.3), installed by default (and first) through
 * {@link org.oneedge.cse.polling.PollingChannelExtension}.
 *
 * <pre>
 *  NOTIFY for an AE with rr=false or no poa ─► NotificationTargetResolver ─► "oneedge-poll:&lt;ri&gt;"
 *        ─► PollingChannelSender ─► Mailboxes[AE] (bounded, messages expire)
 *  RETRIEVE &lt;pch&gt;/pcu by the AE ─► long poll ─► 2000 {"m2m:rqp":{…}} · nothing in time: 4008
 *  NOTIFY to the AE (rr=false) ─► PollingChannelDelivery ─► Mailboxes[AE] ─► waits for the AE's answer (4008)
 *  NOTIFY &lt;pch&gt;/pcu {"m2m:rsp":{rqi,…}} ─► the message is done, the answer goes to the waiting requester
 *  the AE polls again with messages unanswered ─► they go back to the head of its queue, in order
 * </pre>
 *
 * Delivery guarantee (exactly once, with the SDK's de-duplication by {@code rqi}) and why: see {@code Mailboxes}.
 * Notifications from subscriptions get 2000 from the sender as soon as they are queued (also subscription
 * verification requests); the entity's answer only confirms their delivery.
 */
package org.oneedge.cse.polling;
