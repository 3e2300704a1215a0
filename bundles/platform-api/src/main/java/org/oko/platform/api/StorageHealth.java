package org.oko.platform.api;

/**
 * State of the disk that holds the database.
 *
 * @param folder       the database folder
 * @param usableBytes  space this process may still write there
 * @param reserveBytes the reserve below which OKO stops saving ({@code storage.reserve.mb})
 * @param writable     the folder can be written (false on a read-only file system or folder)
 * @param problem      why saving is refused, in Russian and English; null while saving works
 */
public record StorageHealth(String folder, long usableBytes, long reserveBytes, boolean writable, String problem) {

    /** Saving is allowed. */
    public boolean ok() {
        return problem == null;
    }
}
