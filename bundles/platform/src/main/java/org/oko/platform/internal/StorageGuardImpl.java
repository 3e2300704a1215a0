package org.oko.platform.internal;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import org.oko.platform.api.PlatformSettings;
import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.StorageHealth;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the disk of the database folder. The state is cached for a second: the REST layer asks
 * on every state-changing request, and a file system query per request would cost more than the
 * request.
 */
@Component(configurationPid = PlatformSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class StorageGuardImpl implements StorageGuard {

    private static final Logger LOG = LoggerFactory.getLogger(StorageGuardImpl.class);
    private static final long RECHECK_NANOS = 1_000_000_000L;
    private static final long MB = 1024 * 1024;

    @Reference
    private PlatformSettings settings;

    private volatile long reserveBytes;
    private volatile StorageHealth last;
    private volatile long checkedAt;

    @Activate
    @Modified
    void configure(PlatformConfig config) {
        reserveBytes = Math.max(0, config.storage_reserve_mb()) * MB;
        last = null;
    }

    @Override
    public StorageHealth health() {
        StorageHealth cached = last;
        if (cached != null && System.nanoTime() - checkedAt < RECHECK_NANOS) {
            return cached;
        }
        // A database server watches its own disk (and refuses writes with its own error): nothing to measure here.
        StorageHealth now = settings.embeddedDatabase() ? check(Path.of(settings.databaseLocation()), reserveBytes)
                : new StorageHealth(settings.databaseLocation(), 0, 0, true, null);
        if (cached != null && cached.ok() != now.ok()) {
            if (now.ok()) {
                LOG.info("Saving resumes: {} MB free in {}", now.usableBytes() / MB, now.folder());
            } else {
                LOG.warn("Saving is paused: {}", now.problem());
            }
        }
        last = now;
        checkedAt = System.nanoTime();
        return now;
    }

    /** The state of the disk holding {@code folder} (or its nearest existing parent, before the database is made). */
    static StorageHealth check(Path folder, long reserveBytes) {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return new StorageHealth(folder.toString(), 0, reserveBytes, false, Messages.unreachable());
        }
        try {
            FileStore store = Files.getFileStore(existing);
            long usable = store.getUsableSpace();
            boolean writable = !store.isReadOnly() && Files.isWritable(existing);
            String problem = !writable ? Messages.readOnly() : usable < reserveBytes ? Messages.full(usable / MB, reserveBytes / MB) : null;
            return new StorageHealth(folder.toString(), usable, reserveBytes, writable, problem);
        } catch (IOException e) {
            LOG.warn("Cannot read the state of the disk of {}: {}", folder, e.toString());
            return new StorageHealth(folder.toString(), 0, reserveBytes, false, Messages.unreachable());
        }
    }

    /** What users read; the folder itself is only shown to administrators, in the health report. */
    public static final class Messages {

        private Messages() {
        }

        static String full(long freeMb, long reserveMb) {
            return TEXTS.text("storage.full", freeMb, reserveMb).joined();
        }

        public static String readOnly() {
            return TEXTS.text("storage.read-only").joined();
        }

        static String unreachable() {
            return TEXTS.text("storage.unreachable").joined();
        }

        /** A write the storage refused although the check let it through (the disk filled meanwhile). */
        public static org.oko.platform.api.rest.ApiMessage failedWrite() {
            return TEXTS.text("storage.write-failed");
        }
    }
}
