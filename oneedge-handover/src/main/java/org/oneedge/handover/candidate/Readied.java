package org.oneedge.handover.candidate;

/** What preparing a target reached, and in words how (e.g. "instantiated on mec-host-b, CSE answered"). */
public record Readied(TargetReadiness readiness, String detail) {

    public boolean ready() {
        return readiness == TargetReadiness.READY;
    }
}
