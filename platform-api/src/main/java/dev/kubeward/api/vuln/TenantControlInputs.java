package dev.kubeward.api.vuln;

import dev.kubeward.db.tenancy.ControlInputOverrides;
import dev.kubeward.engine.rule.ControlInputs;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Kubescape's control inputs for a tenant, as the scan worker uses them: the defaults under the tenant's own values. */
@Component
public class TenantControlInputs {

    private final ControlInputOverrides overrides;

    public TenantControlInputs(ControlInputOverrides overrides) {
        this.overrides = overrides;
    }

    public ControlInputs of(UUID tenant) {
        return ControlInputs.defaults().with(overrides.of(tenant));
    }
}
