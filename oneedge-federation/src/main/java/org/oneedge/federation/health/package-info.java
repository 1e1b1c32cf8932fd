/** Heartbeat-based liveness of federation nodes and failover of their roles. */
package org.oneedge.federation.health;
