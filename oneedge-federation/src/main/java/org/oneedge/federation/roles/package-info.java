/** Role assignment (handover anchor, swarm worker, FL participant) by capability rules, deterministic and stable. */
package org.oneedge.federation.roles;
