package dev.kubeward.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * RFC 9457 problem details for what the security filters decide before any controller runs (401, 403,
 * 429), so an integration sees one error shape from the API whichever layer refused it. The detail never
 * echoes the presented credential.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean presented = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(request, response, 401, "Unauthorized", presented
                ? "The bearer credential is unknown, expired or revoked."
                : "Send an API token or an OAuth2 access token as 'Authorization: Bearer ...'.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, 403, "Forbidden", "Your role in this tenant does not allow this operation.");
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail) throws IOException {
        if (response.isCommitted()) return;
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status
                + ",\"detail\":" + json(detail) + ",\"instance\":" + json(request.getRequestURI()) + "}");
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
