package org.oko.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.oko.platform.api.ModuleProblems;
import org.oko.platform.api.security.Role;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Extender: an active bundle carrying {@code OKO-INF/web/screens.json} adds screens to the web UI
 * — ES modules from its own {@code OKO-INF/web/} folder, served at {@code /ext/<bundle>/} — and
 * takes them along when it stops. A bad file is reported next to the module, never half-used.
 */
@Component(service = {WebExtensions.class, ModuleProblems.class}, immediate = true)
public class WebExtensions implements ModuleProblems {

    static final String FOLDER = "OKO-INF/web/";
    private static final Logger LOG = LoggerFactory.getLogger(WebExtensions.class);
    private static final Pattern SCREEN_PATH = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One line of {@code screens.json}: {@code #/x/<path>} shows {@code module}'s {@code render}. */
    public record Screen(String path, Map<String, String> title, List<Role> roles, String module) {
    }

    record ScreensFile(List<Screen> screens) {
    }

    /** A screen as the UI gets it: where its module is served. */
    public record Published(String bundle, String path, Map<String, String> title, List<Role> roles, String url) {
    }

    private record Extension(Bundle bundle, List<Screen> screens) {
    }

    private final Map<Long, Extension> extensions = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> problems = new ConcurrentHashMap<>();
    private BundleTracker<Long> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Long addingBundle(Bundle bundle, BundleEvent event) {
                URL file = bundle.getEntry(FOLDER + "screens.json");
                if (file == null) {
                    return null;
                }
                read(bundle, file);
                return bundle.getBundleId();
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
                extensions.remove(id);
                problems.remove(id);
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        extensions.clear();
        problems.clear();
    }

    private void read(Bundle bundle, URL file) {
        List<String> found = new ArrayList<>();
        List<Screen> screens = List.of();
        try (InputStream in = file.openStream()) {
            ScreensFile parsed = JSON.readValue(in, ScreensFile.class);
            screens = parsed.screens() == null ? List.of() : parsed.screens();
        } catch (IOException | RuntimeException e) {
            found.add(FOLDER + "screens.json: " + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < screens.size(); i++) {
            Screen screen = screens.get(i);
            String where = FOLDER + "screens.json: screens[" + i + "]";
            if (screen.path() == null || !SCREEN_PATH.matcher(screen.path()).matches()) {
                found.add(where + ".path: a-z, 0-9 and '-', starting with a letter");
            } else if (!paths.add(screen.path()) || claimedElsewhere(bundle, screen.path())) {
                found.add(where + ".path: '" + screen.path() + "' is already a screen");
            }
            if (screen.title() == null || screen.title().getOrDefault("ru", "").isBlank()) {
                found.add(where + ".title: a Russian title is required");
            }
            String module = screen.module() == null ? null : StaticPaths.safe(screen.module());
            if (module == null || !module.endsWith(".js") || bundle.getEntry(FOLDER + module) == null) {
                found.add(where + ".module: a .js file in " + FOLDER);
            }
        }
        if (found.isEmpty()) {
            extensions.put(bundle.getBundleId(), new Extension(bundle, List.copyOf(screens)));
            LOG.info("Web screens of {}: {}", bundle.getSymbolicName(), screens.stream().map(Screen::path).toList());
        } else {
            problems.put(bundle.getBundleId(), List.copyOf(found));
            LOG.warn("Web screens of {} refused: {}", bundle.getSymbolicName(), found);
        }
    }

    private boolean claimedElsewhere(Bundle bundle, String path) {
        return extensions.values().stream().anyMatch(e -> e.bundle().getBundleId() != bundle.getBundleId()
                && e.screens().stream().anyMatch(s -> s.path().equals(path)));
    }

    /** The screens a user with these roles may open (no roles listed = every role). */
    public List<Published> screensFor(Set<Role> roles) {
        List<Published> result = new ArrayList<>();
        for (Extension extension : extensions.values()) {
            for (Screen screen : extension.screens()) {
                Set<Role> allowed = screen.roles() == null || screen.roles().isEmpty()
                        ? EnumSet.allOf(Role.class) : EnumSet.copyOf(screen.roles());
                if (allowed.stream().anyMatch(roles::contains)) {
                    String bundle = extension.bundle().getSymbolicName();
                    result.add(new Published(bundle, screen.path(), screen.title(), List.copyOf(allowed),
                            "/ext/" + bundle + "/" + StaticPaths.safe(screen.module())));
                }
            }
        }
        result.sort(Comparator.comparing(Published::path));
        return result;
    }

    /** A file of an extension bundle's web folder, or null. */
    URL file(String symbolicName, String path) {
        String safe = StaticPaths.safe(path);
        if (safe == null) {
            return null;
        }
        return extensions.values().stream().filter(e -> e.bundle().getSymbolicName().equals(symbolicName))
                .map(e -> e.bundle().getEntry(FOLDER + safe)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    @Override
    public List<String> problemsOf(long bundleId) {
        return problems.getOrDefault(bundleId, List.of());
    }
}
