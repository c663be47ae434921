package dev.kubeward.api.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.custom.internal.CustomControlRows;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.security.KubewardPrincipal;
import dev.kubeward.api.tenant.CurrentTenant;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.Severity;
import dev.kubeward.engine.custom.CustomControl;
import dev.kubeward.engine.custom.CustomControlCompiler;
import dev.kubeward.engine.custom.ExpressionProblem;
import dev.kubeward.engine.custom.InvalidCustomControlException;
import dev.kubeward.engine.custom.Verdict;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's custom controls: validated on save by the engine's compiler (the scan worker compiles them the same
 * way), written to the audit log, and tried on sample objects before anyone saves them.
 */
@Service
public class CustomControlService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String TEST_ID = CustomControl.ID_PREFIX + "test";

    private final CustomControlRows rows;
    private final AuditLog audit;
    private final CustomControlCompiler compiler = new CustomControlCompiler();

    public CustomControlService(CustomControlRows rows, AuditLog audit) {
        this.rows = rows;
        this.audit = audit;
    }

    public List<CustomControlView> list() {
        return rows.list(TenantContext.require());
    }

    public CustomControlView get(UUID id) {
        return rows.find(TenantContext.require(), id).orElseThrow(() -> new NotFoundException("custom control", id));
    }

    public CustomControlView create(CustomControlRequest request) {
        UUID tenant = TenantContext.require();
        String controlId;
        try {
            controlId = CustomControl.idFor(request.slug() == null ? null : request.slug().trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidCustomControl(List.of(new ExpressionProblem("slug", 0, 0, e.getMessage())));
        }
        CustomControlView c = validated(UUID.randomUUID(), controlId, request, who(), Instant.now(), null);
        if (rows.controlIdTaken(tenant, controlId)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a custom control " + controlId + " exists");
        }
        rows.insert(tenant, c);
        audit.record("custom-control.created", "custom-control:" + controlId, details(c));
        return get(c.id());
    }

    public CustomControlView update(UUID id, CustomControlRequest request) {
        CustomControlView old = get(id);
        CustomControlView c = validated(id, old.controlId(), request, old.createdBy(), old.createdAt(), old);
        if (!rows.update(TenantContext.require(), c)) throw new NotFoundException("custom control", id);
        audit.record("custom-control.updated", "custom-control:" + c.controlId(), details(c));
        return get(id);
    }

    public void delete(UUID id) {
        CustomControlView old = get(id);
        if (!rows.delete(TenantContext.require(), id)) throw new NotFoundException("custom control", id);
        audit.record("custom-control.deleted", "custom-control:" + old.controlId(), Map.of("name", old.name()));
    }

    /** Evaluates an expression on a sample object: pass, fail (with the message) or error (with the problems or reason). */
    public TestResult test(TestRequest request) {
        JsonNode object;
        JsonNode namespaceObject;
        try {
            object = sample("object", request.object());
            namespaceObject = request.namespaceObject() == null ? null : sample("namespaceObject", request.namespaceObject());
        } catch (IllegalArgumentException e) {
            return new TestResult("error", e.getMessage(), 0, List.of());
        }
        CustomControl c = new CustomControl(TEST_ID, "test", "", Severity.LOW, "", List.of(kindOf(object)), null,
                request.expression(), request.messageExpression());
        Verdict v;
        try {
            v = compiler.compile(c).evaluate(object, namespaceObject);
        } catch (InvalidCustomControlException e) {
            List<ExpressionProblem> problems = e.problems().stream()
                    .filter(p -> p.field().equals("expression") || p.field().equals("messageExpression")).toList();
            return new TestResult("error", String.join("; ", problems.stream().map(ExpressionProblem::display).toList()), 0, problems);
        }
        return switch (v.outcome()) {
            case PASS -> new TestResult("pass", "", v.cost(), List.of());
            case FAIL -> new TestResult("fail", v.message(), v.cost(), List.of());
            case ERROR -> new TestResult("error", v.message(), v.cost(), List.of());
            case COST_LIMIT_EXCEEDED -> new TestResult("error", v.message() + " (limit " + compiler.limits().runtime() + ")", v.cost(), List.of());
        };
    }

    private CustomControlView validated(UUID id, String controlId, CustomControlRequest r, String createdBy, Instant createdAt,
                                        CustomControlView old) {
        List<ExpressionProblem> problems = new ArrayList<>();
        Severity severity = null;
        try {
            severity = r.severity() == null ? null : Severity.parse(r.severity());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (severity == null) problems.add(new ExpressionProblem("severity", 0, 0, "one of critical, high, medium, low"));
        JsonNode selector = r.namespaceSelector() == null || r.namespaceSelector().isEmpty() ? null : JSON.valueToTree(r.namespaceSelector());
        List<String> kinds = r.matchKinds() == null ? List.of() : r.matchKinds().stream().map(k -> k == null ? null : k.trim()).distinct().toList();
        CustomControl control = new CustomControl(controlId, trim(r.name()), trim(r.description()), severity == null ? Severity.LOW : severity,
                trim(r.remediation()), kinds, selector, r.expression(), r.messageExpression());
        problems.addAll(compiler.problems(control));
        if (!problems.isEmpty()) throw new InvalidCustomControl(problems);
        boolean enabled = r.enabled() == null ? old == null || old.enabled() : r.enabled();
        return new CustomControlView(id, controlId, control.name(), control.description(), severity.name().toLowerCase(Locale.ROOT),
                control.remediation(), kinds, r.namespaceSelector() == null || r.namespaceSelector().isEmpty() ? null : r.namespaceSelector(),
                control.expression(), control.messageExpression(), enabled, createdBy, createdAt, who(), Instant.now());
    }

    private static JsonNode sample(String field, Object value) {
        if (value instanceof String text) {
            if (text.isBlank()) throw new IllegalArgumentException(field + ": paste a Kubernetes object (YAML or JSON)");
            try {
                JsonNode node = YAML.readTree(text); // YAML is a superset of JSON
                if (node == null || !node.isObject()) throw new IllegalArgumentException(field + ": must be a single object");
                return node;
            } catch (IOException e) {
                throw new IllegalArgumentException(field + ": not YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        if (value instanceof Map<?, ?> m) return JSON.valueToTree(m);
        throw new IllegalArgumentException(field + ": must be an object");
    }

    private static String kindOf(JsonNode object) {
        String kind = object.path("kind").asText("");
        return kind.matches("[A-Z][A-Za-z0-9]{0,62}") ? kind : "Object";
    }

    private static String who() {
        return CurrentTenant.member().map(KubewardPrincipal::getName).orElse("system");
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static Map<String, Object> details(CustomControlView c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", c.name());
        d.put("severity", c.severity());
        d.put("matchKinds", c.matchKinds());
        d.put("expression", c.expression());
        d.put("enabled", c.enabled());
        return d;
    }
}
