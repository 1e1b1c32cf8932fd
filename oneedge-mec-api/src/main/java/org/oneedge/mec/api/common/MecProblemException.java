package org.oneedge.mec.api.common;

import java.util.Objects;

/**
 * The one unchecked exception of the MEC code: it carries a {@link ProblemDetails}, is thrown by platform handlers to
 * unwind with an HTTP status and thrown by the typed clients when a server answers with an error.
 */
public class MecProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ProblemDetails problem;

    public MecProblemException(ProblemDetails problem) {
        super(problem.status() + " " + (problem.detail() != null ? problem.detail() : problem.title()));
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public ProblemDetails problem() {
        return problem;
    }

    /** HTTP status of the problem (0 if the problem carries none). */
    public int status() {
        return problem.status() == null ? 0 : problem.status();
    }

    /** 400: the request body, a parameter or a filter is invalid; {@code detail} says which and why. */
    public static MecProblemException badRequest(String detail) {
        return new MecProblemException(ProblemDetails.of(400, "Bad Request", detail));
    }

    /** 403: the request is understood but not allowed in the current state (e.g. app not READY, MEC 011 7.2). */
    public static MecProblemException forbidden(String detail) {
        return new MecProblemException(ProblemDetails.of(403, "Forbidden", detail));
    }

    /** 404: the addressed resource does not exist. */
    public static MecProblemException notFound(String detail) {
        return new MecProblemException(ProblemDetails.of(404, "Not Found", detail));
    }

    /** 409: the resource is in a state that conflicts with the request. */
    public static MecProblemException conflict(String detail) {
        return new MecProblemException(ProblemDetails.of(409, "Conflict", detail));
    }

    /** 412: a precondition (e.g. an immutable attribute) does not hold. */
    public static MecProblemException preconditionFailed(String detail) {
        return new MecProblemException(ProblemDetails.of(412, "Precondition Failed", detail));
    }
}
