package org.oneedge.mec.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The RFC 7807 error body every ETSI MEC API returns (schema {@code ProblemDetails} in each ETSI OpenAPI file),
 * so that clients and the platform agree on one error shape.
 *
 * @param type     a URI identifying the problem type (optional)
 * @param title    a short summary of the problem type (optional)
 * @param status   the HTTP status code
 * @param detail   what is wrong, in words a developer can act on
 * @param instance a URI identifying this occurrence (optional; the platform uses the request path)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetails(String type, String title, Integer status, String detail, String instance) {

    /** A problem with status, title and detail only. */
    public static ProblemDetails of(int status, String title, String detail) {
        return new ProblemDetails(null, title, status, detail, null);
    }

    /** This problem with {@code instance} set. */
    public ProblemDetails withInstance(String newInstance) {
        return new ProblemDetails(type, title, status, detail, newInstance);
    }
}
