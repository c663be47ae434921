package dev.kubeward.api.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a member of a tenant may do. Ordered: each role includes the ones below it (see the role hierarchy
 * in {@link SecurityConfig}), so {@code hasRole('ANALYST')} admits admins too.
 */
public enum Role {
    /** Manage clusters, users, tokens, exceptions and settings. */
    ADMIN,
    /** Triage: exceptions, reports. */
    ANALYST,
    /** Read only. */
    VIEWER;

    /** The value stored in the database ({@code memberships.role}, {@code api_tokens.role}, {@code invitations.role}). */
    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Role fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Parses user input; {@code null} for anything that is not a role. */
    @JsonCreator
    public static Role parse(String value) {
        if (value == null) return null;
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(value.trim())) return r;
        }
        return null;
    }

    /** True when this role grants at least what {@code other} grants. */
    public boolean includes(Role other) {
        return ordinal() <= other.ordinal();
    }
}
