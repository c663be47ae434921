package dev.kubeward.agent.image.pickup;

import dev.kubeward.agent.image.sbom.CycloneDxWriter.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report says about one image: its digest, its name, and its packages, one per purl (a vulnerability
 * report names a package once per vulnerability).
 *
 * @param image {@code registry/repository}
 * @param os    the distribution, null when the report does not say
 */
record PickedSbom(String digest, String image, String os, List<Component> components) {

    PickedSbom {
        Map<String, Component> byPurl = new LinkedHashMap<>();
        for (Component c : components) byPurl.putIfAbsent(c.purl(), c);
        components = List.copyOf(byPurl.values());
    }
}
