package org.oneedge.mec.api.appsupport;

/** MEC 011 {@code OperationActionType}: why an app instance is asked to shut down. */
public enum OperationActionType { STOPPING, TERMINATING }
