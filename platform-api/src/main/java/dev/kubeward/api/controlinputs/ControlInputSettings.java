package dev.kubeward.api.controlinputs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.db.tenancy.ControlInputOverrides;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.rule.ControlInputs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The tenant's values for Kubescape's control inputs ({@code tenants.settings.controlInputs}), which the scan worker
 * lays over the defaults from the next scan of each cluster on. Only known inputs, at most {@value #MAX_VALUES}
 * values of at most {@value #MAX_LENGTH} characters each, are accepted; every change is audited.
 */
@Service
public class ControlInputSettings {

    static final int MAX_VALUES = 500;
    static final int MAX_LENGTH = 512;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> DESCRIPTIONS = descriptions();

    private final JdbcTemplate jdbc;
    private final ControlInputOverrides overrides;
    private final AuditLog audit;

    public ControlInputSettings(JdbcTemplate jdbc, ControlInputOverrides overrides, AuditLog audit) {
        this.jdbc = jdbc;
        this.overrides = overrides;
        this.audit = audit;
    }

    /** Every input, by name: default, the tenant's value, overridden or not. */
    public List<ControlInputSetting> list() {
        Map<String, List<String>> own = overrides.of(TenantContext.require());
        List<ControlInputSetting> out = new ArrayList<>();
        new TreeMap<>(ControlInputs.defaults().asMap()).forEach((name, defaults) -> out.add(new ControlInputSetting(name,
                DESCRIPTIONS.getOrDefault(name, ""), defaults, own.getOrDefault(name, defaults), own.containsKey(name))));
        return out;
    }

    /** Sets the given inputs to the given values (others keep theirs); validated as a whole, stored as a whole. */
    public List<ControlInputSetting> set(Map<String, List<String>> values) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            if (!ControlInputs.defaults().asMap().containsKey(name)) problems.add("unknown control input '" + name + "'");
            else if (list == null) problems.add(name + ": a list of strings is required");
            else if (list.size() > MAX_VALUES) problems.add(name + ": at most " + MAX_VALUES + " values");
            else if (list.stream().anyMatch(v -> v == null || v.length() > MAX_LENGTH)) problems.add(name + ": values of 1 to " + MAX_LENGTH + " characters");
            else accepted.put(name, list.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList());
        });
        if (values.isEmpty()) problems.add("no control input given");
        if (!problems.isEmpty()) throw new InvalidControlInputs(problems);
        Map<String, List<String>> merged = new TreeMap<>(overrides.of(TenantContext.require()));
        merged.putAll(accepted);
        store(merged);
        audit.record("control-inputs.changed", "tenant-settings:controlInputs", Map.of("inputs", accepted));
        return list();
    }

    /** Back to Kubescape's default for these inputs; a name that is no control input is not found. */
    public List<ControlInputSetting> reset(List<String> names) {
        names.stream().filter(n -> !ControlInputs.defaults().asMap().containsKey(n)).findFirst()
                .ifPresent(n -> { throw new NotFoundException("control input", n); });
        Map<String, List<String>> merged = new TreeMap<>(overrides.of(TenantContext.require()));
        List<String> removed = names.stream().filter(n -> merged.remove(n) != null).toList();
        if (!removed.isEmpty()) {
            store(merged);
            audit.record("control-inputs.reset", "tenant-settings:controlInputs", Map.of("inputs", removed));
        }
        return list();
    }

    private void store(Map<String, List<String>> all) {
        UUID tenant = TenantContext.require();
        String json;
        try {
            json = JSON.writeValueAsString(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.update("UPDATE tenants SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{controlInputs}', ?::jsonb) WHERE id = ?",
                json, tenant);
    }

    private static Map<String, String> descriptions() {
        try (InputStream in = ControlInputSettings.class.getResourceAsStream("/control-inputs.yaml")) {
            Map<String, String> m = new ObjectMapper(new YAMLFactory()).readValue(in,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read control-inputs.yaml", e);
        }
    }
}
