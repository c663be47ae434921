package dev.kubeward.api.controlinputs.web;

import dev.kubeward.api.controlinputs.InvalidControlInputs;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** RFC 9457 problems for the control-inputs API: 400 with every problem, also for a body that is not name → strings. */
@RestControllerAdvice(assignableTypes = ControlInputsApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the application-wide problem handler, which says only "Failed to read request"
public class ControlInputProblems {

    @ExceptionHandler(InvalidControlInputs.class)
    ProblemDetail invalid(InvalidControlInputs e) {
        return problem(e.getMessage(), e.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String detail = "the body must be a JSON object of input name to an array of strings";
        return problem(detail, List.of(detail));
    }

    private static ProblemDetail problem(String detail, List<String> problems) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Invalid control inputs");
        p.setProperty("problems", problems);
        return p;
    }
}
