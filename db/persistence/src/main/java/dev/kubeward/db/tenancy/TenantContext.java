package dev.kubeward.db.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant the current thread acts for. Set from the authenticated principal (user session, API token,
 * cluster credential) — never from a request field — and read by {@link TenantAwareDataSource}, which puts
 * it into every database session so row-level security sees it. With no tenant set, the database shows
 * nothing. {@link #callAsSystem} is the narrow, explicit exception for lookups that must come before the
 * tenant is known (a cluster by id, a token by hash, a user's memberships at sign-in).
 */
public final class TenantContext {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    sealed interface Scope permits TenantScope, SystemScope {
    }

    record TenantScope(UUID tenantId) implements Scope {
    }

    record SystemScope(String reason) implements Scope {
    }

    private TenantContext() {
    }

    public static <T> T callAs(UUID tenantId, Supplier<T> work) {
        if (tenantId == null) throw new IllegalArgumentException("tenantId");
        return with(new TenantScope(tenantId), work);
    }

    public static void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** Runs without tenant restriction. {@code reason} documents why at the call site. */
    public static <T> T callAsSystem(String reason, Supplier<T> work) {
        return with(new SystemScope(reason), work);
    }

    public static void runAsSystem(String reason, Runnable work) {
        callAsSystem(reason, () -> {
            work.run();
            return null;
        });
    }

    /** The tenant in effect, if any (none in system scope). */
    public static Optional<UUID> current() {
        return CURRENT.get() instanceof TenantScope t ? Optional.of(t.tenantId()) : Optional.empty();
    }

    public static UUID require() {
        return current().orElseThrow(() -> new IllegalStateException("no tenant in scope"));
    }

    static Scope scope() {
        return CURRENT.get();
    }

    /** For request filters that bracket a whole request: set, then {@link #clear()} in finally. */
    public static void set(UUID tenantId) {
        CURRENT.set(new TenantScope(tenantId));
    }

    public static void clear() {
        CURRENT.remove();
    }

    private static <T> T with(Scope scope, Supplier<T> work) {
        Scope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        }
    }
}
