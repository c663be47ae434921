package dev.kubeward.engine.catalog;

import java.util.List;

/** A named, ordered set of controls (CIS, NSA, MITRE, SOC2, PCI-DSS, PSS …). */
public record Framework(String name, String title, List<String> controlIds) {
}
