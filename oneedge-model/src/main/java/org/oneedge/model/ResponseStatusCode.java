package org.oneedge.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * oneM2M response status codes ({@code rsc}) with their HTTP status, TS-0004 6.6 and TS-0009 Table 6.3.2-1.
 * The one place that maps a status code to HTTP.
 */
public enum ResponseStatusCode {
    ACCEPTED(1000, 202),
    ACCEPTED_NON_BLOCKING_SYNCH(1001, 202),
    ACCEPTED_NON_BLOCKING_ASYNCH(1002, 202),
    OK(2000, 200),
    CREATED(2001, 201),
    DELETED(2002, 200),
    UPDATED(2004, 200),
    BAD_REQUEST(4000, 400),
    RELEASE_VERSION_NOT_SUPPORTED(4001, 501),
    NOT_FOUND(4004, 404),
    OPERATION_NOT_ALLOWED(4005, 405),
    REQUEST_TIMEOUT(4008, 504),
    UNSUPPORTED_MEDIA_TYPE(4015, 415),
    SUBSCRIPTION_CREATOR_HAS_NO_PRIVILEGE(4101, 403),
    CONTENTS_UNACCEPTABLE(4102, 400),
    ORIGINATOR_HAS_NO_PRIVILEGE(4103, 403),
    GROUP_REQUEST_IDENTIFIER_EXISTS(4104, 409),
    CONFLICT(4105, 409),
    ORIGINATOR_NOT_AUTHENTICATED(4106, 403),
    SECURITY_ASSOCIATION_REQUIRED(4107, 403),
    INVALID_CHILD_RESOURCE_TYPE(4108, 403),
    NO_MEMBERS(4109, 403),
    GROUP_MEMBER_TYPE_INCONSISTENT(4110, 400),
    ORIGINATOR_HAS_ALREADY_REGISTERED(4117, 403),
    BLOCKING_SUBSCRIPTION_ALREADY_EXISTS(4124, 409),
    SPECIALIZATION_SCHEMA_NOT_FOUND(4125, 501),
    APP_RULE_VALIDATION_FAILED(4126, 403),
    OPERATION_DENIED_BY_REMOTE_ENTITY(4127, 403),
    SERVICE_SUBSCRIPTION_NOT_ESTABLISHED(4128, 403),
    INTERNAL_SERVER_ERROR(5000, 500),
    NOT_IMPLEMENTED(5001, 501),
    TARGET_NOT_REACHABLE(5103, 404),
    RECEIVER_HAS_NO_PRIVILEGE(5105, 403),
    ALREADY_EXISTS(5106, 409),
    REMOTE_ENTITY_NOT_REACHABLE(5107, 404),
    TARGET_NOT_SUBSCRIBABLE(5203, 403),
    SUBSCRIPTION_VERIFICATION_INITIATION_FAILED(5204, 500),
    SUBSCRIPTION_HOST_HAS_NO_PRIVILEGE(5205, 403),
    NON_BLOCKING_SYNCH_REQUEST_NOT_SUPPORTED(5206, 501),
    NOT_ACCEPTABLE(5207, 406),
    GROUP_MEMBERS_NOT_RESPONDED(5209, 500),
    EXTERNAL_OBJECT_NOT_REACHABLE(6003, 404),
    EXTERNAL_OBJECT_NOT_FOUND(6005, 404),
    MAX_NUMBER_OF_MEMBER_EXCEEDED(6010, 400),
    INVALID_ARGUMENTS(6023, 400),
    INSUFFICIENT_ARGUMENTS(6024, 400);

    private static final Map<Integer, ResponseStatusCode> BY_CODE = new HashMap<>();

    static {
        for (ResponseStatusCode rsc : values()) {
            BY_CODE.put(rsc.code, rsc);
        }
    }

    private final int code;
    private final int httpStatus;

    ResponseStatusCode(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean isSuccess() {
        return code >= 1000 && code < 3000;
    }

    public static Optional<ResponseStatusCode> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
