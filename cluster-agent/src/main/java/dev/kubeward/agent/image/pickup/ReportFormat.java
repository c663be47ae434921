package dev.kubeward.agent.image.pickup;

import com.fasterxml.jackson.databind.JsonNode;

/** How one kind of report is read: which of its fields are kept while parsing, and how they become an SBOM. */
interface ReportFormat {

    /** The fields {@link #read} uses; the rest of the report is never held in memory. */
    JsonShape shape();

    /**
     * The image digest the listed metadata already names, or null: a report whose digest was sent need not be
     * fetched at all.
     */
    default String listedDigest(JsonNode metadata) {
        return null;
    }

    /** @throws MalformedReport when the report names no image digest or its packages cannot be read */
    PickedSbom read(JsonNode report);
}
