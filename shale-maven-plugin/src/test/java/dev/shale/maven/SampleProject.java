package dev.shale.maven;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of a sample project from {@code src/test/projects}, its pom's {@code @token@}s filled in: Shale's
 * version, and the version of each plugin the Shale build pins in its root pom's pluginManagement, so the
 * sample uses exactly what this build already has in the local repository.
 */
final class SampleProject {
    private static final Pattern TOKEN = Pattern.compile("@([\\w.-]+)@");

    private SampleProject() {}

    static Path copy(Path moduleDir, String name, Path into, String version) throws Exception {
        Path from = moduleDir.resolve("src/test/projects").resolve(name);
        Map<String, String> tokens = pluginVersions(moduleDir.getParent().resolve("pom.xml"));
        tokens.put("shale.version", version);
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            Path to = into.resolve(from.relativize(f).toString());
            Files.createDirectories(to.getParent());
            if (f.getFileName().toString().equals("pom.xml")) {
                Files.writeString(to, fill(Files.readString(f, StandardCharsets.UTF_8), tokens), StandardCharsets.UTF_8);
            } else {
                Files.copy(f, to);
            }
        }
        return into;
    }

    private static String fill(String text, Map<String, String> tokens) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = tokens.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("the sample pom asks for @" + m.group(1) + "@, which the root pom does not pin");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** {@code maven-compiler-plugin.version} → {@code 3.13.0}, for each plugin in the root pom's pluginManagement. */
    private static Map<String, String> pluginVersions(Path rootPom) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(rootPom.toFile());
        Map<String, String> properties = new HashMap<>();
        Element props = child(doc.getDocumentElement(), "properties");
        if (props != null) {
            NodeList list = props.getChildNodes();
            for (int i = 0; i < list.getLength(); i++) {
                if (list.item(i) instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        Element plugins = child(child(child(doc.getDocumentElement(), "build"), "pluginManagement"), "plugins");
        NodeList list = plugins.getElementsByTagName("plugin");
        for (int i = 0; i < list.getLength(); i++) {
            Element plugin = (Element) list.item(i);
            Element artifact = child(plugin, "artifactId");
            Element version = child(plugin, "version");
            if (artifact != null && version != null) {
                String v = version.getTextContent().strip();
                Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(v);
                out.put(artifact.getTextContent().strip() + ".version", m.matches() ? properties.get(m.group(1)) : v);
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
