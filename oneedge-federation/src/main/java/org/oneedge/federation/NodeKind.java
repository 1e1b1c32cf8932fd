package org.oneedge.federation;

/** What a federation node is; discovery label {@code kind:<NAME>} (TS-0001 6.2 node types, MEC 003 MEC host/platform). */
public enum NodeKind {
    IN_CSE, MN_CSE, MEC_PLATFORM, MEC_HOST
}
