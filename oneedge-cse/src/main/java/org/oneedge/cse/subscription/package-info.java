/**
 * Subscriptions and notifications (TS-0001 10.2.10, TS-0004 7.4.8 and 7.5.1.2.2, digest §6).
 *
 * <pre>
 *  CREATE sub ─► SubscriptionHandler ─checks, RETRIEVE privilege, verification (sendNow)─► store
 *  engine events ─► SubscriptionNotifier ─enc/nct/exc/bn─► NotificationDispatcher (queue per target, retries)
 *                                                                 └─► RemoteSender (http://…, poa of an AE)
 *  exc at 0 / dead target ─► SubscriptionMaintenance ─UPDATE/DELETE as the CSE─► engine ─► sud to su
 * </pre>
 *
 * {@link org.oneedge.cse.subscription.SubscriptionExtension} wires it all; the {@code Cse} builder installs it by
 * default.
 */
package org.oneedge.cse.subscription;
