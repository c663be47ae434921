package dev.kubeward.api.token.web;

import dev.kubeward.api.security.Role;
import dev.kubeward.api.tenant.Paged;
import dev.kubeward.api.token.TokenCatalog;
import dev.kubeward.api.token.TokenCatalog.TokenInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/** API tokens of the current tenant (admin only). The token value is in the creation response and nowhere else. */
@RestController
@RequestMapping("/api/v1/tokens")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "API tokens", description = "Create (shown once), list, revoke (admin)")
class TokensApi {

    record NewToken(@NotBlank @Size(max = 100) String name, @NotNull Role role, Integer expiresInDays) {
    }

    private final TokenCatalog catalog;

    TokensApi(TokenCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    Paged<TokenInfo> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return Paged.of(catalog.list(), page, size);
    }

    @GetMapping("/{tokenId}")
    TokenInfo get(@PathVariable UUID tokenId) {
        return catalog.find(tokenId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such token in this tenant"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a token; the response is the only time its value is shown")
    TokenCatalog.Created create(@Valid @RequestBody NewToken body) {
        return catalog.create(body.name(), body.role(), body.expiresInDays());
    }

    @DeleteMapping("/{tokenId}")
    @Operation(summary = "Revoke a token; it stops working at once")
    TokenInfo revoke(@PathVariable UUID tokenId) {
        return catalog.revoke(tokenId);
    }
}
