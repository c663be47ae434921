package dev.kubeward.api.vuln;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.contract.ChunkCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Image vulnerabilities as CSV (one row per image × package × advisory) and as SARIF 2.1.0 (one result per row, one rule per CVE). */
@Service
public class VulnExport {

    /** One exported row. */
    public record Row(String digest, String references, String cve, String advisoryId, String ecosystem, String pkg, String version,
                      String fixedVersion, String severity, Double cvss, String kevDateAdded, Double epss, boolean rce, int actNow, int plan,
                      int watch, String summary) {
    }

    private final JdbcTemplate jdbc;

    public VulnExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> rows(UUID tenant, String digest) {
        return jdbc.query("""
                SELECT v.digest,
                       coalesce((SELECT string_agg(DISTINCT w.reference, ' ') FROM image_workloads w WHERE w.tenant_id = v.tenant_id AND w.digest = v.digest), ''),
                       v.cve, v.advisory_id, v.ecosystem, v.package, v.version, v.fixed_version, v.severity, v.cvss, v.kev_date_added, v.epss, v.rce,
                       (SELECT count(*) FROM workload_vulnerabilities p WHERE p.tenant_id = v.tenant_id AND p.digest = v.digest AND p.cve = v.cve AND p.bucket = 'act-now'),
                       (SELECT count(*) FROM workload_vulnerabilities p WHERE p.tenant_id = v.tenant_id AND p.digest = v.digest AND p.cve = v.cve AND p.bucket = 'plan'),
                       (SELECT count(*) FROM workload_vulnerabilities p WHERE p.tenant_id = v.tenant_id AND p.digest = v.digest AND p.cve = v.cve AND p.bucket = 'watch'),
                       v.summary
                  FROM image_vulnerabilities v WHERE v.tenant_id = ? AND (?::text IS NULL OR v.digest = ?::text)
                 ORDER BY v.digest, v.cve, v.package""", (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), (Double) rs.getObject(10), rs.getString(11),
                (Double) rs.getObject(12), rs.getBoolean(13), rs.getInt(14), rs.getInt(15), rs.getInt(16), rs.getString(17)), tenant, digest, digest);
    }

    public String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder("digest,references,cve,advisory,ecosystem,package,version,fixed_version,severity,cvss,kev_date_added,"
                + "epss,rce,act_now_workloads,plan_workloads,watch_workloads,summary\r\n");
        for (Row r : rows) {
            b.append(String.join(",", cell(r.digest()), cell(r.references()), cell(r.cve()), cell(r.advisoryId()), cell(r.ecosystem()),
                    cell(r.pkg()), cell(r.version()), cell(r.fixedVersion()), cell(r.severity()), cell(r.cvss()), cell(r.kevDateAdded()),
                    cell(r.epss()), cell(r.rce()), cell(r.actNow()), cell(r.plan()), cell(r.watch()), cell(r.summary()))).append("\r\n");
        }
        return b.toString();
    }

    /** NB: cells starting with = + - @ are prefixed with ' so a spreadsheet does not run them as formulas. */
    static String cell(Object value) {
        if (value == null) return "";
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) s = '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }

    public String sarif(List<Row> rows, String version) {
        ObjectNode root = ChunkCodec.mapper().createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Kubeward");
        driver.put("informationUri", "https://kubeward.dev");
        driver.put("version", version);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<ObjectNode> results = new ArrayList<>();
        for (Row r : rows) {
            Integer idx = ruleIndex.get(r.cve());
            if (idx == null) {
                idx = ruleIndex.size();
                ruleIndex.put(r.cve(), idx);
                ObjectNode rule = rules.addObject();
                rule.put("id", r.cve());
                rule.putObject("shortDescription").put("text", r.summary() == null || r.summary().isBlank() ? r.cve() : r.summary());
                rule.put("helpUri", "https://osv.dev/vulnerability/" + r.advisoryId());
                ObjectNode props = rule.putObject("properties");
                if (r.cvss() != null) props.put("security-severity", String.format(Locale.ROOT, "%.1f", r.cvss()));
                props.putArray("tags").add("security").add("vulnerability");
            }
            ObjectNode result = ChunkCodec.mapper().createObjectNode();
            result.put("ruleId", r.cve());
            result.put("ruleIndex", idx);
            result.put("level", switch (r.severity()) {
                case "critical", "high" -> "error";
                case "medium" -> "warning";
                default -> "note";
            });
            result.putObject("message").put("text", r.pkg() + " " + r.version() + " is affected by " + r.cve() + " (" + r.advisoryId() + "); "
                    + (r.fixedVersion() == null ? "no fixed version published" : "fixed in " + r.fixedVersion()) + "; workloads: "
                    + r.actNow() + " act now, " + r.plan() + " plan, " + r.watch() + " watch");
            result.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation")
                    .put("uri", "oci:" + r.digest());
            result.putObject("partialFingerprints").put("imagePackageVulnerability/v1",
                    r.digest() + "/" + r.ecosystem() + "/" + r.pkg() + "@" + r.version() + "/" + r.advisoryId());
            results.add(result);
        }
        run.putArray("results").addAll(results);
        return root.toPrettyString();
    }
}
