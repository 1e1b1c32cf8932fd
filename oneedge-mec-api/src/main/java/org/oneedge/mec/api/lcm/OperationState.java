package org.oneedge.mec.api.lcm;

/** MEC 010-2 {@code AppLcmOpOcc.operationState}. */
public enum OperationState { STARTING, PROCESSING, COMPLETED, FAILED, FAILED_TEMP }
