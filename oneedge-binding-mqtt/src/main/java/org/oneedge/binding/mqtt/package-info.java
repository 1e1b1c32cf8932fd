/**
 * The oneM2M MQTT binding (TS-0010 V3.1.0, digest section 9): a CSE's receiving side, its outgoing requests, an AE
 * client and an embedded broker. Bindings only translate; the CSE engine is reached through
 * {@link org.oneedge.model.CseClient}.
 *
 * <pre>
 *  AE ── MqttCseClient ──▶ /oneM2M/reg_req|req/&lt;o&gt;/&lt;cse&gt;/json ──▶ broker ──▶ MqttBindingServer ──▶ CseClient (engine)
 *                        ◀── /oneM2M/reg_resp|resp/&lt;o&gt;/&lt;cse&gt;/json ◀──        ◀──            (same session, shared
 *  engine ── MqttRemoteSender (RemoteSender, mqtt://host[:port][/path]) ──▶ other CSEs / notification topics   with the sender)
 *
 *  MqttConnection: one HiveMQ MQTT 3.1.1 session per broker and client id (CleanSession false, backoff, resubscribe)
 *  primitive.PrimitiveCodec: whole request/response primitives as short-name JSON or CBOR
 *  topic.TopicIds / topic.OneM2MTopic: id → topic level, topic grammar
 *  broker.EmbeddedMqttBroker: Moquette in the same JVM for the embedded default
 * </pre>
 *
 * Wiring in a CSE node: {@code server = MqttBindingServer.builder().config(cfg).cseClient(cse).build(); server.start();
 * sender = MqttRemoteSender.builder().config(cfg).connection(server.connection()).build();} and register
 * {@code sender} with the engine as a {@link org.oneedge.model.RemoteSender}.
 */
package org.oneedge.binding.mqtt;
