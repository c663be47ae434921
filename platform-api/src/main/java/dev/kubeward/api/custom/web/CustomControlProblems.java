package dev.kubeward.api.custom.web;

import dev.kubeward.api.custom.InvalidCustomControl;
import dev.kubeward.api.query.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problems for the custom-control API: 400 lists every problem with its position, 404 for unknown ids. */
@RestControllerAdvice(assignableTypes = CustomControlsApi.class)
public class CustomControlProblems {

    @ExceptionHandler(InvalidCustomControl.class)
    ProblemDetail invalid(InvalidCustomControl e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid custom control");
        p.setProperty("problems", e.problems());
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return p;
    }
}
