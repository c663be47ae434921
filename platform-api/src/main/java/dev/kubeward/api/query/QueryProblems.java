package dev.kubeward.api.query;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;

/**
 * RFC 9457 problem details for the read API: 400 for parameters we cannot use, 404 for ids the tenant does
 * not have. Scoped to controllers marked {@link QueryApi} so other controllers keep their own error handling.
 */
@RestControllerAdvice(annotations = QueryApi.class)
public class QueryProblems {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
                "parameter '" + e.getName() + "' has an invalid value: " + e.getValue());
    }

    @ExceptionHandler(BindException.class)
    ProblemDetail binding(BindException e) {
        String detail = e.getFieldErrors().stream().map(f -> "parameter '" + f.getField() + "' has an invalid value: " + f.getRejectedValue())
                .findFirst().orElse("invalid parameters");
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", detail);
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
