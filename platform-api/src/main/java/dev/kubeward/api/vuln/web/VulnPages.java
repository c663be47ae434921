package dev.kubeward.api.vuln.web;

import dev.kubeward.api.query.Tenant;
import dev.kubeward.api.ui.UiPage;
import dev.kubeward.api.vuln.ImageQueries;
import dev.kubeward.api.vuln.VulnerabilityQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/** Page 9, Vulnerabilities: images by risk with the bucket headline, one image, one CVE. */
@UiPage
@Controller
class VulnPages {

    private final ImageQueries images;
    private final VulnerabilityQueries queries;

    VulnPages(ImageQueries images, VulnerabilityQueries queries) {
        this.images = images;
        this.queries = queries;
    }

    @GetMapping("/vulnerabilities")
    String images(@RequestParam(defaultValue = "risk") String sort, @RequestParam(required = false) UUID cluster,
                  @RequestParam(required = false) String ns, @RequestParam(defaultValue = "false") boolean fixable, Model model) {
        UUID tenant = Tenant.current();
        String namespace = ns == null || ns.isBlank() ? null : ns;
        model.addAttribute("images", images.list(tenant, new ImageQueries.Filter(cluster, namespace, null, fixable, sort, 500)));
        model.addAttribute("summary", queries.buckets(tenant, cluster));
        model.addAttribute("sort", sort);
        model.addAttribute("cluster", cluster);
        model.addAttribute("ns", namespace);
        model.addAttribute("fixable", fixable);
        return "vuln/images";
    }

    @GetMapping("/vulnerabilities/images/{digest}")
    String image(@PathVariable String digest, Model model) {
        model.addAttribute("d", queries.image(Tenant.current(), digest));
        return "vuln/image";
    }

    @GetMapping("/vulnerabilities/cves/{id}")
    String cve(@PathVariable String id, Model model) {
        model.addAttribute("c", queries.cve(Tenant.current(), id));
        return "vuln/cve";
    }
}
