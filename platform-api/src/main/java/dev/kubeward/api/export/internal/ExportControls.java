package dev.kubeward.api.export.internal;

import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;

/** Control metadata lookups for the writers. */
final class ExportControls {

    private ExportControls() {
    }

    static String name(String controlId) {
        return ControlCatalog.standard().control(controlId).map(ControlDefinition::name).orElse(controlId);
    }
}
