package dev.incidex.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.IncidexConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

/**
 * The files in {@code deploy/} and the image's Dockerfile agree with the app: one image, the port it listens on,
 * the health paths it serves (OperationsTest proves those answer), and only settings the app reads.
 */
class DeployFilesTest {

    static final String IMAGE = "incidex:latest";
    static final int PORT = 8080;
    static final Path DEPLOY = Path.of("deploy");

    /** Variables that configure the base images, not Incidex. */
    static final Set<String> NOT_THE_APP = Set.of("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");

    @Test
    void theDockerfileBuildsTheQuarkusAppOnItsPortWithACappedHeap() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertThat(dockerfile)
                .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                .contains("EXPOSE " + PORT)
                .contains("-XX:MaxRAMPercentage=70")
                .contains("-t " + IMAGE);
        assertThat(applicationProperties().getProperty("quarkus.http.port")).isEqualTo(String.valueOf(PORT));
    }

    /**
     * Dockerfile.jvm runs the jar the build makes (Quarkus' fast-jar, the one the systemd unit runs too) as the user
     * and with the JVM options Jib's image has, on UBI by default or on the Debian base deploy/build-image.sh makes,
     * which has no UBI run-java.sh: so the entrypoint is java itself, through a shell only to expand JAVA_OPTS.
     */
    @Test
    void theDockerfileRunsTheBuiltJarAsJibsImageDoesOnEitherBase() throws Exception {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertThat(applicationProperties().stringPropertyNames()).noneMatch(key -> key.contains("quarkus.package."));
        assertThat(dockerfile).contains("COPY --chown=185 target/quarkus-app/*.jar /deployments/");
        List<String> entrypoints = dockerfile
                .lines()
                .filter(line -> line.startsWith("ENTRYPOINT "))
                .toList();
        assertThat(entrypoints).hasSize(1);
        // The exec form is a JSON array, which YAML reads too.
        List<String> entrypoint = new Yaml().load(entrypoints.get(0).substring("ENTRYPOINT ".length()));
        assertThat(entrypoint.subList(0, 2)).containsExactly("sh", "-c");
        String jar = "quarkus-run.jar";
        assertThat(entrypoint.get(2))
                .startsWith("exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/" + jar + " ");
        assertThat(Files.readString(DEPLOY.resolve("incidex.service"))).contains("-jar /opt/incidex/" + jar);

        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String jib = "/project/profiles/profile[id='image']/properties/quarkus.jib.";
        assertThat(dockerfile.lines()).contains("USER " + xpath.evaluate(jib + "user", pom), "EXPOSE " + PORT);
        String javaOpts = dockerfile
                .lines()
                .filter(line -> line.startsWith("ENV JAVA_OPTS_APPEND="))
                .findFirst()
                .orElseThrow();
        assertThat(javaOpts.replaceAll("^ENV JAVA_OPTS_APPEND=\"|\"$", "").split(" "))
                .contains(xpath.evaluate(jib + "jvm-additional-arguments", pom).split(","));

        // UBI stays the default; deploy/build-image.sh (BUILD=dockerfile) swaps in its own base and the PostgreSQL app.
        assertThat(dockerfile.lines())
                .containsSubsequence(
                        "ARG BASE_IMAGE=registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23", "FROM ${BASE_IMAGE}");
        String build = Files.readString(DEPLOY.resolve("build-image.sh"));
        assertThat(build)
                .contains("./mvnw -B -ntp package -DskipTests -Dquarkus.datasource.db-kind=postgresql")
                .contains("build --quiet -f src/main/docker/Dockerfile.jvm")
                .contains("--build-arg BASE_IMAGE=\"docker-archive:$WORK/base.tar\"");
    }

    /**
     * The Jib build (Maven profile {@code image}, deploy/build-image.sh) makes the image the files in deploy/ run,
     * with the Dockerfile's user and heap, and stays opt-in: the normal build needs neither Docker nor a registry.
     */
    @Test
    void theImageProfileBuildsWithJibTheImageTheDeployFilesRun() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String jib = "quarkus-container-image-jib";
        String profile = "/project/profiles/profile[id='image']";
        assertThat(xpath.evaluate(profile + "/dependencies/dependency/artifactId", pom))
                .isEqualTo(jib);
        assertThat(xpath.evaluate("count(/project/dependencies/dependency[artifactId='" + jib + "'])", pom))
                .isEqualTo("0");
        String properties = profile + "/properties/";
        assertThat(xpath.evaluate(properties + "quarkus.container-image.build", pom))
                .isEqualTo("true");
        assertThat(xpath.evaluate(properties + "quarkus.container-image.image", pom))
                .isEqualTo(IMAGE);
        assertThat(xpath.evaluate(properties + "quarkus.jib.user", pom)).isEqualTo("185");
        assertThat(xpath.evaluate(properties + "quarkus.jib.jvm-additional-arguments", pom)
                        .split(","))
                .containsExactlyInAnyOrder("-XX:MaxRAMPercentage=70", "-Dquarkus.http.host=0.0.0.0");
        assertThat(Files.readString(Path.of("src/main/docker/Dockerfile.jvm"))).contains("USER 185");

        String build = Files.readString(DEPLOY.resolve("build-image.sh"));
        assertThat(build)
                .contains("package -Pimage")
                .contains("-Dquarkus.datasource.db-kind=postgresql")
                .contains("docker-archive:$OUT:" + IMAGE);
        String check = Files.readString(DEPLOY.resolve("check-image.sh"));
        assertThat(check)
                .contains(IMAGE)
                .contains("http://127.0.0.1:" + PORT + "/q/health/ready")
                .contains("check 200 /q/health/live");
    }

    @Test
    void composeRunsTwoInstancesOfTheImageBehindOnePortOnPostgresql() throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose/compose.yaml"));
        Map<String, Map<String, Object>> services = map(compose.get("services"));
        List<String> instances = services.entrySet().stream()
                .filter(e -> IMAGE.equals(e.getValue().get("image")))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(instances).hasSize(2);
        assertThat(services.get("db").get("image").toString()).startsWith("postgres:");
        assertThat(services.get("proxy").get("ports")).isEqualTo(List.of(PORT + ":80"));
        String nginx = Files.readString(DEPLOY.resolve("compose/nginx.conf"));
        for (String instance : instances) {
            assertThat(nginx).contains("server " + instance + ":" + PORT);
            Map<String, Object> environment = map(services.get(instance).get("environment"));
            assertThat(environment.get("QUARKUS_DATASOURCE_JDBC_URL").toString())
                    .startsWith("jdbc:postgresql://db:5432/");
            assertAppReads(environment.keySet());
        }
        Map<String, Object> db = map(services.get("db").get("environment"));
        Map<String, Object> app = map(services.get(instances.get(0)).get("environment"));
        assertThat(app.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo(db.get("POSTGRES_USER"));
        assertThat(app.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(db.get("POSTGRES_PASSWORD"));
        assertThat(app.get("QUARKUS_DATASOURCE_JDBC_URL").toString()).endsWith("/" + db.get("POSTGRES_DB"));
    }

    @Test
    void kubernetesRunsTwoReplicasWithProbesAndConfigFromAConfigMapAndASecret() throws IOException {
        Map<String, Map<String, Object>> byKind = new java.util.HashMap<>();
        try (InputStream in = Files.newInputStream(DEPLOY.resolve("kubernetes/incidex.yaml"))) {
            for (Object document : new Yaml().loadAll(in)) {
                Map<String, Object> resource = map(document);
                byKind.put(resource.get("kind").toString(), resource);
            }
        }
        assertThat(byKind).containsOnlyKeys("ConfigMap", "Secret", "Deployment", "Service");
        Map<String, Object> spec = map(byKind.get("Deployment").get("spec"));
        assertThat(spec.get("replicas")).isEqualTo(2);
        Map<String, Object> container = map(
                this.<List<Object>>at(spec, "template", "spec", "containers").get(0));
        assertThat(container.get("image")).isEqualTo(IMAGE);
        Map<String, Object> port = map(this.<List<Object>>at(container, "ports").get(0));
        assertThat(port).containsEntry("containerPort", PORT).containsEntry("name", "http");
        assertThat(this.<String>at(container, "livenessProbe", "httpGet", "path"))
                .isEqualTo("/q/health/live");
        assertThat(this.<String>at(container, "readinessProbe", "httpGet", "path"))
                .isEqualTo("/q/health/ready");
        assertThat(this.<String>at(container, "livenessProbe", "httpGet", "port"))
                .isEqualTo("http");

        List<Object> envFrom = at(container, "envFrom");
        assertThat(envFrom)
                .containsExactlyInAnyOrder(
                        Map.of("configMapRef", Map.of("name", name(byKind.get("ConfigMap")))),
                        Map.of("secretRef", Map.of("name", name(byKind.get("Secret")))));
        Map<String, Object> config = map(byKind.get("ConfigMap").get("data"));
        Map<String, Object> secret = map(byKind.get("Secret").get("stringData"));
        assertAppReads(config.keySet());
        assertAppReads(secret.keySet());
        assertThat(secret).containsKey("QUARKUS_DATASOURCE_PASSWORD");
        assertThat(config).doesNotContainKey("QUARKUS_DATASOURCE_PASSWORD");

        Map<String, Object> service = map(byKind.get("Service").get("spec"));
        assertThat(service.get("selector")).isEqualTo(this.<Map<String, Object>>at(spec, "selector", "matchLabels"));
        assertThat(map(this.<List<Object>>at(service, "ports").get(0))).containsEntry("targetPort", "http");
    }

    @Test
    void theSystemdUnitRunsTheBuiltAppWithACappedHeapAndSettingsTheAppReads() throws IOException {
        String unit = Files.readString(DEPLOY.resolve("incidex.service"));
        assertThat(unit)
                .contains("EnvironmentFile=/etc/incidex/incidex.env")
                .contains("ExecStart=/usr/bin/java -Xmx768m -jar /opt/incidex/quarkus-run.jar")
                .contains("MemoryMax=1G");
        Set<String> variables = new TreeSet<>();
        // Set or shown commented out as an example: both must be settings the app reads.
        java.util.regex.Pattern assignment = java.util.regex.Pattern.compile("^(?:# )?([A-Z][A-Z0-9_]*)=");
        for (String line : Files.readAllLines(DEPLOY.resolve("incidex.env"))) {
            java.util.regex.Matcher m = assignment.matcher(line);
            if (m.find()) {
                variables.add(m.group(1));
            }
        }
        assertThat(variables)
                .contains(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        "QUARKUS_HTTP_PORT",
                        "INCIDEX_CATALOG",
                        "QUARKUS_DATASOURCE__READ__JDBC_URL");
        assertAppReads(variables);
    }

    /** The check itself: a variable the app does not read fails it (a typo would otherwise be ignored silently). */
    @Test
    void aVariableTheAppDoesNotReadIsCaught() {
        assertThat(settingsTheAppReads())
                .contains(
                        "INCIDEX_POLL_INTERVAL",
                        "INCIDEX_FETCH_MAX_BODY_BYTES",
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        "QUARKUS_LOG_CONSOLE_JSON_ENABLED")
                .doesNotContain("INCIDEX_POLL_INTERVALL", "INCIDEX_POLL", "QUARKUS_DATASOURCE_JDBC_URI");
    }

    private static void assertAppReads(Set<String> variables) {
        Set<String> known = settingsTheAppReads();
        assertThat(variables)
                .allSatisfy(v -> assertThat(NOT_THE_APP.contains(v) || known.contains(v))
                        .as("%s maps to a setting the app reads", v)
                        .isTrue());
    }

    /** As environment variables: every incidex.* setting in IncidexConfig and every key in application.properties. */
    static Set<String> settingsTheAppReads() {
        Set<String> properties = new TreeSet<>();
        collect(IncidexConfig.class, "incidex", properties);
        for (String key : applicationProperties().stringPropertyNames()) {
            properties.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        properties.add("quarkus.datasource.password"); // set in application.properties, empty
        // Unset in application.properties: setting it turns the read replica on (dev.incidex.ReadReplica).
        properties.add("quarkus.datasource.\"read\".jdbc.url");
        Set<String> variables = new TreeSet<>();
        properties.forEach(p -> variables.add(p.toUpperCase().replaceAll("[^A-Z0-9]", "_")));
        return variables;
    }

    private static void collect(Class<?> group, String prefix, Set<String> into) {
        for (Method method : group.getDeclaredMethods()) {
            if (method.isDefault() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = prefix + "."
                    + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() != null && type != Map.class && type != List.class) {
                collect(type, name, into);
            } else if (type != Map.class) { // maps (per-tenant settings) have names the operator chooses
                into.add(name);
            }
        }
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, V>) value;
    }

    private static String name(Map<String, Object> resource) {
        return map(resource.get("metadata")).get("name").toString();
    }

    @SuppressWarnings("unchecked")
    private <T> T at(Map<String, Object> from, String... path) {
        Object current = from;
        for (String key : path) {
            current = map(current).get(key);
        }
        return (T) current;
    }
}
