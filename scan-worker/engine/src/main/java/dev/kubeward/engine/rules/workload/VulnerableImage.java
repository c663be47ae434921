package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * C-0081, C-0090, C-0091: workloads running a release of a component known to carry a CVE, recognised from the
 * image repository and its {@code major.minor.patch} tag.
 */
final class VulnerableImage extends PodSpecRule {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

    private final String cve;
    private final String repository;
    private final Predicate<int[]> vulnerable;

    /**
     * @param repository last path component of the image ({@code argocd}, {@code grafana}, {@code kyverno})
     * @param vulnerable takes {major, minor, patch}
     */
    VulnerableImage(String cve, String repository, Predicate<int[]> vulnerable) {
        super(cve);
        this.cve = cve;
        this.repository = repository;
        this.vulnerable = vulnerable;
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (PodTemplate.Container c : pod.containers()) {
            ImageName image = ImageName.parse(c.image());
            String repo = image.repository();
            String last = repo.substring(repo.lastIndexOf('/') + 1);
            if (!last.equals(repository) || image.tag() == null) continue;
            Matcher m = VERSION.matcher(image.tag().replace("-ubuntu", ""));
            if (!m.matches()) continue;
            int[] version = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
            if (vulnerable.test(version)) {
                finding.failed(c.path() + ".image")
                        .note("Container '" + c.name() + "' runs " + c.image() + ", which may be vulnerable to " + cve);
            }
        }
    }

    static List<VulnerableImage> all() {
        return List.of(
                // Argo CD path traversal: fixed in 2.1.9 and 2.2.4; every 1.x and 2.0.x is affected.
                new VulnerableImage("CVE-2022-24348", "argocd", v -> v[0] == 1
                        || v[0] == 2 && (v[1] == 0 || v[1] == 1 && v[2] < 9 || v[1] == 2 && v[2] < 4)),
                // Grafana authentication bypass: 9.2.0 to 9.2.3.
                new VulnerableImage("CVE-2022-39328", "grafana", v -> v[0] == 9 && v[1] == 2 && v[2] < 4),
                // Kyverno signature-verification bypass: 1.8.3 and 1.8.4.
                new VulnerableImage("CVE-2022-47633", "kyverno", v -> v[0] == 1 && v[1] == 8 && v[2] >= 3 && v[2] < 5));
    }
}
