package dev.kubeward.api.ui;

import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.query.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the dashboard pages as a page with a way back: 404 for what the tenant does not have (another
 * tenant's ids included, so existence does not leak), 400 for a URL we cannot read.
 */
@ControllerAdvice(annotations = UiPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("title", "Not found");
        model.addAttribute("detail", "This object does not exist in your tenant, or it is no longer reported by its cluster.");
        return "overview/problem";
    }

    @ExceptionHandler({BadRequestException.class, MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("title", "This link has a parameter we cannot read");
        model.addAttribute("detail", e instanceof BadRequestException ? e.getMessage() : "Check the address, or start again from the overview.");
        return "overview/problem";
    }
}
