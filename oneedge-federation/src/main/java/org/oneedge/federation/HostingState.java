package org.oneedge.federation;

/**
 * Where a node stands with respect to MEC hosting of its CSE or application, as the interworking study names the
 * cases (CSE as MEC application instantiated, provisioned but not running, not provisioned, not MEC-hosted at all,
 * hosted in a federated domain, or cut off from the IN-CSE). Discovery label {@code hosting:<NAME>}.
 */
public enum HostingState {
    INSTANTIATED, PROVISIONED_NOT_INSTANTIATED, NOT_PROVISIONED, NOT_MEC_HOSTED, FEDERATED_DOMAIN,
    NOT_CONNECTED_TO_IN_CSE
}
