package org.oko.platform.internal.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.oko.platform.api.DatabaseHealth;
import org.oko.platform.api.StorageHealth;
import org.oko.platform.api.Health;
import org.oko.platform.api.ModuleInfo;

/** Renders health as console text: same facts as the JSON of /api/health. */
public final class HealthText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private HealthText() {
    }

    public static String format(Health health) {
        StringBuilder out = new StringBuilder();
        out.append("OKO ").append(health.version()).append(": ").append(health.status()).append('\n');
        out.append("Started:   ").append(time(health.startedAt())).append('\n');
        out.append("Demo data: ").append(health.demoData() ? "on" : "off").append('\n');
        DatabaseHealth db = health.database();
        out.append("Database:  ").append(db.reachable() ? "reachable" : "NOT reachable");
        if (db.product() != null) {
            out.append(", ").append(db.product());
        }
        out.append('\n').append("  location: ").append(db.location()).append('\n');
        if (db.reachable()) {
            out.append("  starts:   ").append(db.starts()).append(", first ").append(time(db.firstStartedAt())).append('\n');
        } else {
            out.append("  error:    ").append(db.error()).append('\n');
        }
        StorageHealth storage = health.storage();
        if (storage != null) {
            out.append("Storage:   ").append(storage.usableBytes() / (1024 * 1024)).append(" MB free, reserve ")
                    .append(storage.reserveBytes() / (1024 * 1024)).append(" MB, ").append(storage.writable() ? "writable" : "READ-ONLY").append('\n');
            out.append("  folder:   ").append(storage.folder()).append('\n');
            if (!storage.ok()) {
                out.append("  problem:  ").append(storage.problem()).append('\n');
            }
        }
        out.append("Modules (").append(health.modules().size()).append("):\n");
        String row = "  %-32s %-16s %-9s %-8s %-10s %s%n";
        out.append(String.format(row, "Module", "Version", "Kind", "State", "Components", "Name"));
        for (ModuleInfo module : health.modules()) {
            out.append(String.format(row, module.symbolicName(), module.version(), module.kind(), module.state(),
                    module.componentsSatisfied() + "/" + module.componentsTotal(), module.name()));
            for (String problem : module.problems()) {
                out.append("    ! ").append(problem).append('\n');
            }
        }
        return out.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }
}
