package dev.incidex.catalog;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads a vendor catalog from YAML, rejecting anything doubtful with a message naming file, line and problem. */
public final class CatalogReader {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    // Sorted so that "allowed: ..." in messages reads the same every time.
    private static final Set<String> TOP_KEYS = new TreeSet<>(List.of("vendors"));
    private static final Set<String> VENDOR_KEYS =
            new TreeSet<>(List.of("slug", "name", "site", "depends-on", "sources", "checked"));
    private static final Set<String> SOURCE_KEYS =
            new TreeSet<>(List.of("kind", "needs-kind", "url", "incident-id-pattern", "time-zone", "label"));
    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** A source URL under this path names a file Incidex serves itself (the offline demo). */
    public static final String OWN_FILES = "/demo/";

    private final String origin;
    private final Set<String> knownKinds;
    private final List<Catalog.WaitingSource> waiting = new ArrayList<>();

    private CatalogReader(String origin, Set<String> knownKinds) {
        this.origin = origin;
        this.knownKinds = new TreeSet<>(knownKinds);
    }

    /** Reads the catalog file at {@code file}; its path is the origin named in messages. */
    public static Catalog read(Path file, Set<String> knownKinds) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), knownKinds);
        } catch (IOException e) {
            throw new CatalogException("catalog " + file + ": cannot read: " + e, e);
        }
    }

    /**
     * Reads a catalog from {@code yaml}.
     *
     * @param origin names the catalog in messages, usually its path or classpath resource
     * @param knownKinds the source kinds some adapter handles; any other kind is an error
     * @throws CatalogException on the first problem found, naming origin and line
     */
    public static Catalog read(Reader yaml, String origin, Set<String> knownKinds) {
        return new CatalogReader(origin, knownKinds).read(yaml);
    }

    /**
     * SnakeYAML refuses documents over 3 MiB by default, which a catalog of some 20 000 vendors
     * exceeds. A catalog is the operator's own file, so its size is theirs to choose and the limit
     * is lifted (memory is the bound: 100 000 vendors take some 100 MB while read).
     */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }

    private Catalog read(Reader yaml) {
        Node root;
        try {
            // compose() stops at the node graph: no constructor runs, so no tag can instantiate a type.
            root = new Yaml(loaderOptions()).compose(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            // SnakeYAML splits its sentences: "expected a single document" (context) "but found another" (problem).
            String problem = e.getContext() == null
                    ? e.getProblem()
                    : e.getProblem() == null ? e.getContext() : e.getContext() + ", " + e.getProblem();
            String where = mark == null ? "" : ", line " + (mark.getLine() + 1);
            // Composer errors (a second document, a rejected tag) are well-formed YAML, just not allowed here.
            String kind = e instanceof ComposerException ? "invalid YAML: " : "YAML syntax error: ";
            throw new CatalogException("catalog " + origin + where + ": " + kind + problem, e);
        } catch (YAMLException e) {
            throw new CatalogException("catalog " + origin + ": unreadable YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new CatalogException(
                    "catalog " + origin + ", line 1: empty, expected a mapping with a 'vendors' list");
        }
        if (!(root instanceof MappingNode top)) {
            throw error(root, "top level must be a mapping with a 'vendors' list, found " + describe(root));
        }
        Map<String, NodeTuple> topEntries = entries(top, TOP_KEYS, "at the top level");
        NodeTuple vendorsEntry = topEntries.get("vendors");
        if (vendorsEntry == null) {
            throw error(top, "missing 'vendors' list at the top level");
        }
        Node vendorsNode = vendorsEntry.getValueNode();
        if (!(vendorsNode instanceof SequenceNode vendorList)) {
            throw error(vendorsNode, "'vendors' must be a list, found " + describe(vendorsNode));
        }

        Map<String, Node> slugLines = new HashMap<>();
        List<CatalogVendor> vendors = new ArrayList<>();
        List<Node> dependsOnNodes = new ArrayList<>();
        for (Node vendorNode : vendorList.getValue()) {
            CatalogVendor vendor = vendor(vendorNode, slugLines, dependsOnNodes);
            vendors.add(vendor);
        }
        // Dependencies may point forward in the file, so they are checked once every slug is known.
        for (int i = 0; i < vendors.size(); i++) {
            checkDependencies(vendors.get(i), dependsOnNodes.get(i), slugLines);
        }
        return new Catalog(origin, vendors, waiting);
    }

    private CatalogVendor vendor(Node node, Map<String, Node> slugLines, List<Node> dependsOnNodes) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(
                    node,
                    "a vendor must be a mapping with keys " + String.join(", ", VENDOR_KEYS) + ", found "
                            + describe(node));
        }
        Map<String, NodeTuple> fields = entries(mapping, VENDOR_KEYS, "in a vendor");

        Node slugNode = required(mapping, fields, "slug", "vendor");
        String slug = scalar(slugNode, "slug");
        if (!SLUG.matcher(slug).matches()) {
            throw error(
                    slugNode,
                    "slug '" + slug + "' must match " + SLUG.pattern() + " (lower-case letters, digits and '-')");
        }
        Node first = slugLines.putIfAbsent(slug, slugNode);
        if (first != null) {
            throw error(slugNode, "duplicate slug '" + slug + "' (first at line " + line(first) + ")");
        }
        String name = scalar(required(mapping, fields, "name", "vendor '" + slug + "'"), "name");
        Node checkedNode = optional(fields, "checked");
        String checked = checkedNode == null ? null : scalar(checkedNode, "checked");

        String site = null;
        Node siteNode = optional(fields, "site");
        if (siteNode != null) {
            site = httpUrl(siteNode, "site").toString();
        }

        Node dependsOnNode = optional(fields, "depends-on");
        dependsOnNodes.add(dependsOnNode);
        List<String> dependsOn = new ArrayList<>();
        if (dependsOnNode != null) {
            for (Node item : list(dependsOnNode, "depends-on")) {
                String upstream = scalar(item, "depends-on entry");
                if (dependsOn.contains(upstream)) {
                    throw error(item, "depends-on lists '" + upstream + "' twice");
                }
                dependsOn.add(upstream);
            }
        }

        List<CatalogSource> sources = new ArrayList<>();
        Map<List<Object>, Node> sourceLines = new HashMap<>();
        Node sourcesNode = optional(fields, "sources");
        if (sourcesNode != null) {
            for (Node item : list(sourcesNode, "sources")) {
                CatalogSource source = source(item, slug);
                if (source == null) {
                    continue;
                }
                // Keyed on the URI itself: its equality ignores the case of scheme and host, as "same page" should.
                List<Object> key = List.of(source.kind(), source.url());
                Node firstSource = sourceLines.putIfAbsent(key, item);
                if (firstSource != null) {
                    throw error(
                            item,
                            "duplicate source " + source.kind() + " " + source.url() + " in vendor '" + slug
                                    + "' (first at line " + line(firstSource) + ")");
                }
                sources.add(source);
            }
        }
        return new CatalogVendor(slug, name, site, dependsOn, sources, checked);
    }

    /** The source, or null when it {@code needs-kind} that no adapter reads yet (it is then kept in {@link #waiting}). */
    private CatalogSource source(Node node, String slug) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(
                    node,
                    "a source of vendor '" + slug + "' must be a mapping with keys " + String.join(", ", SOURCE_KEYS)
                            + ", found " + describe(node));
        }
        Map<String, NodeTuple> fields = entries(mapping, SOURCE_KEYS, "in a source of vendor '" + slug + "'");
        String what = "source of vendor '" + slug + "'";

        // "needs-kind" lists a source for an adapter that may not be in this build yet (another branch, a later
        // release): the catalog still loads, and the source is polled from the first build that reads its kind.
        Node needsNode = optional(fields, "needs-kind");
        Node kindNode = needsNode != null && optional(fields, "kind") == null
                ? needsNode
                : required(mapping, fields, "kind", what);
        if (needsNode != null && kindNode != needsNode) {
            throw error(needsNode, what + " has both kind and needs-kind; give one");
        }
        String kind = scalar(kindNode, needsNode != null ? "needs-kind" : "kind");
        boolean waits = false;
        if (!knownKinds.contains(kind)) {
            if (needsNode == null) {
                throw error(
                        kindNode,
                        "unknown source kind '" + kind + "' (known: " + String.join(", ", knownKinds)
                                + "; a source for an adapter still to come takes needs-kind instead of kind)");
            }
            if (!KIND.matcher(kind).matches()) {
                throw error(kindNode, "needs-kind '" + kind + "' must match " + KIND.pattern());
            }
            waits = true;
        }
        URI url = httpUrl(required(mapping, fields, "url", what), "url");

        String pattern = null;
        Node patternNode = optional(fields, "incident-id-pattern");
        if (patternNode != null) {
            pattern = scalar(patternNode, "incident-id-pattern");
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw error(
                        patternNode,
                        "invalid incident-id-pattern '" + pattern + "': " + e.getDescription()
                                + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            }
        }

        ZoneId zone = null;
        Node zoneNode = optional(fields, "time-zone");
        if (zoneNode != null) {
            String zoneName = scalar(zoneNode, "time-zone");
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                throw error(
                        zoneNode, "unknown time-zone '" + zoneName + "' (expected an IANA zone like Europe/Berlin)");
            }
        }
        String label = null;
        Node labelNode = optional(fields, "label");
        if (labelNode != null) {
            label = scalar(labelNode, "label").strip();
            if (label.isEmpty() || label.length() > 100) {
                throw error(labelNode, "a source's label has 1 to 100 characters, found " + label.length());
            }
        }
        CatalogSource source = new CatalogSource(kind, url, pattern, zone, label);
        if (waits) {
            waiting.add(new Catalog.WaitingSource(slug, source, line(node)));
            return null;
        }
        return source;
    }

    private void checkDependencies(CatalogVendor vendor, Node dependsOnNode, Map<String, Node> slugs) {
        List<Node> items = dependsOnNode == null ? List.of() : ((SequenceNode) dependsOnNode).getValue();
        for (int i = 0; i < items.size(); i++) {
            String upstream = vendor.dependsOn().get(i);
            if (upstream.equals(vendor.slug())) {
                throw error(items.get(i), "vendor '" + vendor.slug() + "' depends on itself");
            }
            if (!slugs.containsKey(upstream)) {
                throw error(
                        items.get(i), "vendor '" + vendor.slug() + "' depends on unknown vendor '" + upstream + "'");
            }
        }
    }

    /** The mapping's entries by key, rejecting keys that are not plain strings, repeated, or not allowed. */
    private Map<String, NodeTuple> entries(MappingNode mapping, Set<String> allowed, String where) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                throw error(keyNode, "keys must be plain names, found " + describe(keyNode) + " " + where);
            }
            String key = keyScalar.getValue();
            if (!allowed.contains(key)) {
                throw error(
                        keyNode,
                        "unknown key '" + key + "' " + where + " (allowed: " + String.join(", ", allowed) + ")");
            }
            NodeTuple first = entries.putIfAbsent(key, tuple);
            if (first != null) {
                // compose() keeps both; a loader would silently take the last, hiding the mistake.
                throw error(
                        keyNode,
                        "duplicate key '" + key + "' " + where + " (first at line " + line(first.getKeyNode()) + ")");
            }
        }
        return entries;
    }

    private Node required(MappingNode mapping, Map<String, NodeTuple> fields, String key, String what) {
        Node value = optional(fields, key);
        if (value == null
                || (value instanceof ScalarNode scalar && scalar.getValue().isBlank())) {
            throw error(value == null ? mapping : value, what + " has no " + key);
        }
        return value;
    }

    /** The value under {@code key}, or null when it is absent or written as YAML null ({@code key:} or {@code ~}). */
    private static Node optional(Map<String, NodeTuple> fields, String key) {
        NodeTuple tuple = fields.get(key);
        if (tuple == null || Tag.NULL.equals(tuple.getValueNode().getTag())) {
            return null;
        }
        return tuple.getValueNode();
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be a single value, found " + describe(node));
        }
        return scalar.getValue();
    }

    private List<Node> list(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " must be a list, found " + describe(node));
        }
        return sequence.getValue();
    }

    private URI httpUrl(Node node, String what) {
        String text = scalar(node, what);
        if (what.equals("url") && text.startsWith(OWN_FILES)) {
            // The offline demo's vendors are files Incidex itself serves; resolved against wherever it listens.
            try {
                return new URI(null, null, text, null);
            } catch (URISyntaxException e) {
                throw error(node, what + " '" + text + "' is not a path");
            }
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below together with the other ways of not being an http(s) URL.
        }
        throw error(node, what + " '" + text + "' is not an absolute http(s) URL");
    }

    private static String describe(Node node) {
        return switch (node.getNodeId()) {
            case scalar -> "the value '" + ((ScalarNode) node).getValue() + "'";
            case sequence -> "a list";
            case mapping -> "a mapping";
            default -> node.getNodeId().toString();
        };
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private CatalogException error(Node node, String problem) {
        return new CatalogException("catalog " + origin + ", line " + line(node) + ": " + problem);
    }
}
