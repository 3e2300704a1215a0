package org.oko.catalog.api;

/** Spreadsheet formats of import and export. */
public enum FileFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** UTF-8 with BOM and ";" on export; UTF-8 or Windows-1251, ";" or "," on import. */
    CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    FileFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
