package dev.kubeward.api.exception;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an analyst asks for (REST body, form, or one entry of an imported Kubescape file). The scope is
 * flattened so that the JSON reads like the form.
 */
public record ExceptionRequest(String name, List<String> controls, List<String> clusters, List<String> namespaces,
                               List<String> kinds, List<String> names, Map<String, String> labels, String reason,
                               String compensatingControl, String owner, String ticketUrl, Instant expiresAt) {

    public ExceptionScope scope() {
        return new ExceptionScope(controls, clusters, namespaces, kinds, names, labels);
    }

    /** @throws IllegalArgumentException with a message for the user */
    void validate(Instant now) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        if (name.length() > 200) throw new IllegalArgumentException("name is longer than 200 characters");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a reason (risk justification) is required");
        if (owner == null || owner.isBlank()) throw new IllegalArgumentException("an owner is required");
        if (expiresAt == null) throw new IllegalArgumentException("an expiry date is required: risk is accepted for a time, not for ever");
        if (!expiresAt.isAfter(now)) throw new IllegalArgumentException("the expiry date must be in the future");
        if (ticketUrl != null && !ticketUrl.isBlank() && !ticketUrl.matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("the ticket link must be an http(s) URL");
        }
    }
}
