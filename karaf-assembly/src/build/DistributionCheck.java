import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The build's check that the assembled distribution carries in {@code system/} every artifact it
 * will ever resolve: the features repositories of {@code etc/org.apache.karaf.features.cfg}, and
 * every bundle, configuration file and library of the boot features and of the features offered
 * for later install, with their dependencies and the conditionals their features switch on.
 *
 * <p>Why a check of our own: karaf-maven-plugin 4.4's assembly copies the bundles written inside a
 * {@code <conditional>}, but not the features named there, so {@code cxf-core}'s
 * {@code <conditional><condition>shell</condition><feature>cxf-commands</feature>} left
 * {@code cxf-karaf-commands} out while Karaf installs it at every start; and {@code karaf:verify}
 * resolves from the Maven repositories of the build, so it cannot see what {@code system/} lacks.
 * Run by the assembly's build as a single-file program (JDK only):
 * {@code java DistributionCheck.java <assembly folder> <offered feature patterns, comma-separated>}.
 */
public final class DistributionCheck {

    /** A feature of some repository: name, version and its element. */
    record Feature(String name, String version, Element element) {
        String id() {
            return name + "/" + version;
        }
    }

    private final Path home;
    private final Path system;
    private final Map<String, List<Feature>> features = new TreeMap<>();
    /** Artifact location → why it is needed (the first feature that asked for it). */
    private final Map<String, String> needed = new LinkedHashMap<>();
    /** Selected feature → what selected it. */
    private final Map<Feature, String> selectedBy = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    DistributionCheck(Path home) {
        this.home = home;
        this.system = home.resolve("system");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: DistributionCheck <assembly folder> [offered feature patterns]");
        }
        DistributionCheck check = new DistributionCheck(Path.of(args[0]));
        List<String> offered = args.length > 1 ? split(args[1]) : List.of();
        int carried = check.run(offered);
        if (!check.problems.isEmpty()) {
            System.err.println("The distribution " + check.home + " does not carry what it needs:");
            check.problems.forEach(p -> System.err.println("  - " + p));
            System.exit(1);
        }
        System.out.println("Distribution check: " + carried + " artifacts of " + check.selectedCount
                + " features (boot and offered: " + String.join(", ", offered) + ") are all in system/");
    }

    private int selectedCount;

    int run(List<String> offered) throws Exception {
        Properties cfg = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("etc/org.apache.karaf.features.cfg"), StandardCharsets.ISO_8859_1)) {
            cfg.load(reader);
        }
        for (String repository : split(cfg.getProperty("featuresRepositories", ""))) {
            loadRepository(repository, new LinkedHashSet<>());
        }
        Set<Feature> selected = new LinkedHashSet<>();
        for (String boot : split(cfg.getProperty("featuresBoot", "").replace("(", "").replace(")", ""))) {
            String[] nameVersion = boot.split("/", 2);
            select(nameVersion[0], nameVersion.length > 1 ? nameVersion[1] : null, true, "boot feature " + boot, selected);
        }
        for (String pattern : offered) {
            Pattern glob = Pattern.compile(pattern.replace(".", "\\.").replace("*", ".*"));
            List<Feature> matching = features.values().stream().flatMap(List::stream)
                    .filter(f -> glob.matcher(f.name()).matches()).toList();
            if (matching.isEmpty()) {
                problems.add("the offered feature " + pattern + " is in none of the features repositories");
            }
            for (Feature feature : matching) {
                select(feature.name(), feature.version(), true, "offered feature " + pattern, selected);
            }
        }
        Set<Element> active = activateConditionals(selected);
        selectedCount = selected.size();
        for (Feature feature : selected) {
            collectArtifacts(feature.element(), "feature " + feature.id() + ", selected by " + selectedBy.get(feature));
            for (Element conditional : children(feature.element(), "conditional")) {
                // A conditional's own bundles are needed once it is active.
                if (active.contains(conditional)) {
                    collectArtifacts(conditional, "feature " + feature.id() + " when " + conditions(conditional));
                }
            }
        }
        needed.forEach((location, why) -> {
            if (!carried(location)) {
                problems.add("system/ lacks " + location + " (needed by " + why + ")");
            }
        });
        return needed.size();
    }

    /**
     * Karaf installs a conditional's content once every condition holds; what a conditional selects
     * can switch on further ones. A condition that is a capability (req:...) rather than a feature is
     * taken as holding, so that the check errs on the safe side.
     */
    private Set<Element> activateConditionals(Set<Feature> selected) {
        Set<Element> active = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            Set<String> names = new LinkedHashSet<>();
            selected.forEach(f -> names.add(f.name()));
            for (Feature feature : List.copyOf(selected)) {
                for (Element conditional : children(feature.element(), "conditional")) {
                    boolean holds = children(conditional, "condition").stream().map(c -> c.getTextContent().trim())
                            .allMatch(c -> c.startsWith("req:") || names.contains(c.split("/")[0]));
                    if (holds && active.add(conditional)) {
                        grew = true;
                        for (Element dependency : children(conditional, "feature")) {
                            select(dependency.getTextContent().trim(), dependency.getAttribute("version"),
                                    !"true".equals(dependency.getAttribute("dependency")),
                                    "feature " + feature.id() + " when " + conditions(conditional), selected);
                        }
                    }
                }
            }
        }
        return active;
    }

    private void collectArtifacts(Element owner, String why) {
        for (String kind : List.of("bundle", "configfile", "library")) {
            for (Element artifact : children(owner, kind)) {
                needed.putIfAbsent(artifact.getTextContent().trim(), why);
            }
        }
    }

    /** Selects the features of that name whose version fits, with the features they depend on. */
    private void select(String name, String version, boolean mandatory, String why, Set<Feature> selected) {
        List<Feature> candidates = features.getOrDefault(name, List.of()).stream()
                .filter(f -> Versions.fits(f.version(), version)).toList();
        if (candidates.isEmpty()) {
            if (mandatory) {
                problems.add("no feature " + name + (version == null || version.isBlank() ? "" : "/" + version)
                        + " in the features repositories (needed by " + why + ")");
            }
            return;
        }
        for (Feature feature : candidates) {
            if (selected.add(feature)) {
                selectedBy.put(feature, why);
                for (Element dependency : children(feature.element(), "feature")) {
                    select(dependency.getTextContent().trim(), dependency.getAttribute("version"),
                            !"true".equals(dependency.getAttribute("dependency")), "feature " + feature.id(), selected);
                }
            }
        }
    }

    private void loadRepository(String uri, Set<String> seen) throws Exception {
        if (!seen.add(uri)) {
            return;
        }
        Path file = path(uri);
        if (file == null || !Files.isRegularFile(file)) {
            problems.add("system/ lacks the features repository " + uri);
            return;
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root;
        try (InputStream in = Files.newInputStream(file)) {
            root = factory.newDocumentBuilder().parse(in).getDocumentElement();
        }
        for (Element repository : children(root, "repository")) {
            loadRepository(repository.getTextContent().trim(), seen);
        }
        for (Element feature : children(root, "feature")) {
            String version = feature.getAttribute("version").isBlank() ? "0.0.0" : feature.getAttribute("version");
            Feature f = new Feature(feature.getAttribute("name"), version, feature);
            if (features.computeIfAbsent(f.name(), n -> new ArrayList<>()).stream().noneMatch(g -> g.version().equals(version))) {
                features.get(f.name()).add(f);
            }
        }
    }

    private boolean carried(String location) {
        Path file = path(location);
        return file != null && Files.isRegularFile(file);
    }

    /**
     * Where the distribution keeps an artifact: {@code mvn:} coordinates map to the Maven layout of
     * {@code system/} (wrap:, blueprint: and the like wrap such a URL), {@code file:} is taken as is.
     */
    private Path path(String location) {
        String url = location;
        for (String wrapper : List.of("wrap:", "blueprint:", "spring:", "war:")) {
            if (url.startsWith(wrapper)) {
                url = url.substring(wrapper.length());
            }
        }
        url = url.split("\\$", 2)[0];
        if (url.startsWith("file:")) {
            String file = url.substring("file:".length()).replace("${karaf.home}", home.toString())
                    .replace("${karaf.etc}", home.resolve("etc").toString());
            return file.startsWith("/") ? Path.of(file) : home.resolve(file);
        }
        if (!url.startsWith("mvn:")) {
            return null;
        }
        String coordinates = url.substring("mvn:".length());
        if (coordinates.contains("!")) {
            coordinates = coordinates.substring(coordinates.indexOf('!') + 1);
        }
        String[] parts = coordinates.split("/");
        if (parts.length < 3) {
            return null;
        }
        String type = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "jar";
        String classifier = parts.length > 4 && !parts[4].isEmpty() ? "-" + parts[4] : "";
        return system.resolve(parts[0].replace('.', '/')).resolve(parts[1]).resolve(parts[2])
                .resolve(parts[1] + "-" + parts[2] + classifier + "." + type);
    }

    private static String conditions(Element conditional) {
        return String.join(" and ", children(conditional, "condition").stream().map(c -> c.getTextContent().trim()).toList());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static List<String> split(String list) {
        List<String> result = new ArrayList<>();
        for (String item : list.split(",")) {
            if (!item.isBlank()) {
                result.add(item.trim());
            }
        }
        return result;
    }

    /** OSGi versions and ranges as Karaf's features use them: no version or 0.0.0 matches any. */
    static final class Versions {

        static boolean fits(String version, String wanted) {
            if (wanted == null || wanted.isBlank() || wanted.equals("0.0.0")) {
                return true;
            }
            wanted = wanted.trim();
            if (wanted.startsWith("[") || wanted.startsWith("(")) {
                String[] bounds = wanted.substring(1, wanted.length() - 1).split(",");
                int low = compare(version, bounds[0].trim());
                boolean aboveLow = wanted.startsWith("[") ? low >= 0 : low > 0;
                if (bounds.length < 2 || bounds[1].isBlank()) {
                    return aboveLow;
                }
                int high = compare(version, bounds[1].trim());
                return aboveLow && (wanted.endsWith("]") ? high <= 0 : high < 0);
            }
            return compare(version, wanted) == 0;
        }

        /** Compares major.minor.micro numerically, then the qualifier; "1.0-SNAPSHOT" reads as 1.0.0.SNAPSHOT. */
        static int compare(String a, String b) {
            String[] x = normalise(a);
            String[] y = normalise(b);
            for (int i = 0; i < 3; i++) {
                int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
                if (c != 0) {
                    return c;
                }
            }
            return x[3].compareTo(y[3]);
        }

        private static String[] normalise(String version) {
            String[] result = {"0", "0", "0", ""};
            String[] parts = version.trim().replaceFirst("-", ".").split("\\.", 4);
            for (int i = 0; i < parts.length; i++) {
                if (i < 3 && parts[i].matches("\\d+")) {
                    result[i] = parts[i];
                } else {
                    result[3] = String.join(".", List.of(parts).subList(i, parts.length));
                    break;
                }
            }
            return result;
        }
    }
}
