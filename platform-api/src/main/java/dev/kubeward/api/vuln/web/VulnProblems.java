package dev.kubeward.api.vuln.web;

import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.vuln.SbomUploads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;

/** RFC 9457 problem details for the vulnerability API: 400 with the reason, 404, 413 for an oversized SBOM. */
@RestControllerAdvice(assignableTypes = {ImagesApi.class, AdvisoriesApi.class})
class VulnProblems {

    @ExceptionHandler(SbomUploads.InvalidSbom.class)
    ProblemDetail invalidSbom(SbomUploads.InvalidSbom e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-sbom", "Invalid SBOM", e.getMessage());
    }

    @ExceptionHandler(ImagesApi.SbomTooLarge.class)
    ProblemDetail tooLarge(ImagesApi.SbomTooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "sbom-too-large", "SBOM too large", e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, BadRequestException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", "parameter '" + e.getName() + "' has an invalid value: " + e.getValue());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://kubeward.dev/problems/" + type));
        p.setTitle(title);
        return p;
    }
}
