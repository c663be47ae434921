package dev.kubeward.api.rbac.web;

import dev.kubeward.api.rbac.RbacBadRequest;
import dev.kubeward.api.rbac.RbacNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;

/** RFC 9457 problem details for the RBAC API: 400 for parameters we cannot use, 404 for what the tenant does not have. */
@RestControllerAdvice(assignableTypes = {RbacApiController.class, RbacPageData.class})
public class RbacProblems {

    @ExceptionHandler(RbacNotFound.class)
    ProblemDetail notFound(RbacNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(RbacBadRequest.class)
    ProblemDetail badRequest(RbacBadRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
                "parameter '" + e.getName() + "' has an invalid value: " + e.getValue());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "missing-parameter", "Missing parameter",
                "parameter '" + e.getParameterName() + "' is required");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://kubeward.dev/problems/" + type));
        p.setTitle(title);
        return p;
    }
}
