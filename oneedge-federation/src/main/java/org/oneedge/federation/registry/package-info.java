/**
 * The federation registry as oneM2M resources at the IN-CSE ({@link org.oneedge.federation.registry.FederationRegistry})
 * and the node side that registers and heartbeats ({@link org.oneedge.federation.registry.FederationMember}).
 */
package org.oneedge.federation.registry;
