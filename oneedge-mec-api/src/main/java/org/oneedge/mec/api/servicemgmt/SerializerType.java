package org.oneedge.mec.api.servicemgmt;

/** MEC 011 {@code SerializerType}: how a service encodes its messages. */
public enum SerializerType { JSON, XML, PROTOBUF3 }
