package dev.kubeward.api.export;

import dev.kubeward.api.query.BadRequestException;

import java.util.Locale;

/** The file formats findings export to. */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    JSON("application/json", "json"),
    SARIF("application/sarif+json", "sarif");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static ExportFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new BadRequestException("format must be csv, json or sarif");
        }
    }
}
