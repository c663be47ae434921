package dev.kubeward.api.security.builtin;

import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;
import java.util.Optional;

/**
 * Accounts of the built-in provider ({@code local_accounts}, BCrypt hashes). They only prove identity;
 * the table is not tenant data and the application role cannot read it, hence the system scope.
 */
public class LocalAccounts implements UserDetailsService {

    /** Profile claims the provider puts into its tokens. */
    public record Profile(String username, String email, String displayName) {
    }

    private final JdbcTemplate jdbc;

    public LocalAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<String> hash = TenantContext.callAsSystem("authenticate an account of the built-in provider", () ->
                jdbc.queryForList("SELECT password_hash FROM local_accounts WHERE username = ?", String.class, username));
        if (hash.isEmpty()) throw new UsernameNotFoundException("no such account");
        return User.withUsername(username).password(hash.get(0)).roles("USER").build();
    }

    public Optional<Profile> profile(String username) {
        return TenantContext.callAsSystem("read the profile claims of a built-in provider account", () -> jdbc.query(
                "SELECT username, email, display_name FROM local_accounts WHERE username = ?",
                (rs, i) -> new Profile(rs.getString(1), rs.getString(2), rs.getString(3)), username).stream().findFirst());
    }
}
