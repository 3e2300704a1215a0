package org.oko.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.StorageHealth;

class StorageGuardTest {

    @TempDir
    Path folder;

    @Test
    void aDiskWithSpaceAboveTheReserveTakesWrites() {
        StorageHealth health = StorageGuardImpl.check(folder, 0);
        assertTrue(health.writable());
        assertTrue(health.usableBytes() > 0);
        assertNull(health.problem());
        assertTrue(health.ok());
    }

    @Test
    void lessSpaceThanTheReserveRefusesWritesWithBothFigures() {
        long free = StorageGuardImpl.check(folder, 0).usableBytes();
        StorageHealth health = StorageGuardImpl.check(folder, free + 1024L * 1024 * 1024);
        assertFalse(health.ok());
        assertTrue(health.writable(), "full, not read-only");
        assertTrue(health.problem().startsWith("Сохранение приостановлено: на диске с данными OKO осталось "), health.problem());
        assertTrue(health.problem().contains("Saving is paused"), health.problem());
        assertFalse(health.problem().contains(folder.toString()), "users are not shown server paths");
    }

    @Test
    void aDatabaseNotMadeYetIsJudgedByItsNearestFolder() {
        StorageHealth health = StorageGuardImpl.check(folder.resolve("derby/oko"), 0);
        assertTrue(health.ok());
        assertEquals(folder.resolve("derby/oko").toString(), health.folder());
    }

    @Test
    void storageFailuresAreToldApartFromDataFailures() {
        assertTrue(StorageGuard.isStorageFailure(new RuntimeException("EclipseLink",
                new BatchUpdateException("Page could not be written", "XSDG1", 45000, new int[0]))));
        assertTrue(StorageGuard.isStorageFailure(new RuntimeException(new SQLException("wrapper", "XJ001",
                new UncheckedIOException(new IOException("No space left on device"))))));
        SQLException chained = new SQLException("statement failed", "XJ001");
        chained.setNextException(new SQLException("An SQL data change is not permitted for a read-only connection", "25502"));
        assertTrue(StorageGuard.isStorageFailure(chained));
        assertTrue(StorageGuard.isStorageFailure(new IOException("Read-only file system")));

        assertFalse(StorageGuard.isStorageFailure(new SQLException("duplicate key", "23505")));
        assertFalse(StorageGuard.isStorageFailure(new SQLException("no state")));
        assertFalse(StorageGuard.isStorageFailure(new IOException("Connection reset")));
        assertFalse(StorageGuard.isStorageFailure(new IllegalStateException("No space left on device"))); // not an I/O failure
    }

    @Test
    void readOnlyStateIsReadFromTheFileSystem() throws IOException {
        // Root may write into a folder without write permission, so only the file system's word counts there.
        Path locked = Files.createDirectory(folder.resolve("locked"));
        locked.toFile().setWritable(false, false);
        try {
            StorageHealth health = StorageGuardImpl.check(locked, 0);
            assertEquals(Files.isWritable(locked), health.writable());
            assertEquals(health.writable(), health.ok());
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }
}
