/**
 * The AE/device SDK: {@link org.oneedge.client.OneM2MClient}, a typed blocking oneM2M API over any
 * {@link org.oneedge.model.CseClient} (HTTP via {@code HttpCseClient}, MQTT, or a CSE in the same JVM).
 * Errors surface as {@link org.oneedge.client.RequestFailedException} carrying the CSE's response.
 * {@link org.oneedge.client.PollingChannelClient} is the AE side of a polling channel for AEs with {@code rr=false}
 * (long poll, answer, de-duplication by {@code rqi}).
 */
package org.oneedge.client;
