package app.candor.system;

import app.candor.support.DatabaseNeutral;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests in deploy/, parsed (plain JUnit, no app): the kinds a deployment needs, two or
 * more replicas, probes on the health endpoints, resources, selectors that match, configuration from the
 * ConfigMap and the Secret only, no secret value in the repository, the image tag of this build, and every
 * variable production requires provided by the ConfigMap or the Secret template. (jackson-dataformat-yaml
 * is on the classpath through quarkus-smallrye-openapi.)
 */
@DatabaseNeutral
class DeployManifestsTest {

    static final Path DEPLOY = Path.of("deploy");
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|KEY|SECRET|TOKEN|CREDENTIAL).*");
    static final String SECRET = "candor-secrets";

    static Map<String, List<JsonNode>> documents = new HashMap<>();
    static List<JsonNode> app;
    static JsonNode deployment;
    static JsonNode pod;
    static JsonNode container;
    static JsonNode configMap;

    @BeforeAll
    static void parse() throws IOException {
        ObjectMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.list(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                List<JsonNode> docs = new ArrayList<>();
                try (var parser = new YAMLFactory().createParser(file.toFile())) {
                    yaml.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
                        if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                            docs.add(doc);
                        }
                    });
                }
                documents.put(file.getFileName().toString(), docs);
            }
        }
        app = documents.get("candor.yaml");
        assertThat(app).as("deploy/candor.yaml").isNotNull();
        deployment = one("Deployment");
        pod = deployment.path("spec").path("template");
        assertThat(pod.path("spec").path("containers")).hasSize(1);
        container = pod.path("spec").path("containers").get(0);
        configMap = one("ConfigMap");
    }

    private static JsonNode one(String kind) {
        List<JsonNode> found = app.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        assertThat(found).as(kind + " in candor.yaml").hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    @Test
    void candorYamlHoldsAConfigMapADeploymentAServiceAndADisruptionBudgetAndNoSecret() {
        assertThat(app).extracting(d -> d.path("kind").asText())
                .containsExactlyInAnyOrder("ConfigMap", "Deployment", "Service", "PodDisruptionBudget");
        for (JsonNode doc : app) {
            assertThat(doc.path("apiVersion").asText()).as(doc.path("kind") + " apiVersion").isNotBlank();
            assertThat(doc.path("metadata").path("name").asText()).as(doc.path("kind") + " name").isNotBlank();
        }
    }

    @Test
    void atLeastTwoReplicasRollingWithoutLosingCapacity() {
        assertThat(deployment.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(deployment.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable").asInt()).isZero();
        assertThat(one("PodDisruptionBudget").path("spec").path("minAvailable").asInt()).isGreaterThanOrEqualTo(1)
                .isLessThan(deployment.path("spec").path("replicas").asInt());
    }

    @Test
    void probesPointAtTheHealthEndpointsOnTheContainerPort() {
        String port = container.path("ports").get(0).path("name").asText();
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        probes.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).isEqualTo(path);
            assertThat(get.path("port").asText()).as(probe + " port").isIn(port, "8080");
        });
    }

    @Test
    void resourceRequestsAndLimitsAreSetAndTheHeapLeavesRoomBelowTheLimit() {
        JsonNode resources = container.path("resources");
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertThat(resources.path(bound).path(resource).asText()).as(bound + "." + resource).isNotBlank();
            }
        }
        long requested = mebibytes(resources.path("requests").path("memory").asText());
        long limit = mebibytes(resources.path("limits").path("memory").asText());
        assertThat(requested).isLessThanOrEqualTo(limit);
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        int ratio = Integer.parseInt(env.getOrDefault("JAVA_MAX_MEM_RATIO", "80"));  // 80: run-java.sh's default
        // Metaspace, code cache and threads took about 130Mi beside the heap in the measurement (deploy/README.md).
        assertThat(limit - limit * ratio / 100).as("memory left beside the heap, Mi").isGreaterThanOrEqualTo(192);
    }

    private static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(m.matches()).as("memory quantity in Mi or Gi: " + quantity).isTrue();
        return Long.parseLong(m.group(1)) * ("Gi".equals(m.group(2)) ? 1024 : 1);
    }

    @Test
    void theGracePeriodCoversThePreStopPauseAndTheShutdownTimeout() {
        long grace = pod.path("spec").path("terminationGracePeriodSeconds").asLong(30);  // 30: Kubernetes' default
        String timeout = map(configMap.path("data")).get("QUARKUS_SHUTDOWN_TIMEOUT");
        assertThat(timeout).as("QUARKUS_SHUTDOWN_TIMEOUT in the ConfigMap").isNotNull();
        long shutdown = Duration.parse("PT" + timeout.toUpperCase()).toSeconds();
        JsonNode command = container.path("lifecycle").path("preStop").path("exec").path("command");
        long pause = command.size() == 2 && "sleep".equals(command.get(0).asText()) ? command.get(1).asLong() : 0;
        assertThat(grace).isGreaterThan(pause + shutdown);
    }

    @Test
    void theDisruptionBudgetAndTheServiceSelectTheDeploymentsPods() {
        Map<String, String> podLabels = map(pod.path("metadata").path("labels"));
        assertThat(podLabels).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(map(deployment.path("spec").path("selector").path("matchLabels")));
        Map<String, String> budget = map(one("PodDisruptionBudget").path("spec").path("selector").path("matchLabels"));
        assertThat(budget).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(budget);
        Map<String, String> service = map(one("Service").path("spec").path("selector"));
        assertThat(service).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(service);
        assertThat(one("Service").path("spec").path("ports").get(0).path("targetPort").asText())
                .isIn(container.path("ports").get(0).path("name").asText(), "8080");
    }

    @Test
    void configurationComesFromTheConfigMapAndTheSecretAndNoSecretValueIsInline() {
        Set<String> configMaps = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        container.path("envFrom").forEach(from -> {
            if (from.has("configMapRef")) {
                configMaps.add(from.path("configMapRef").path("name").asText());
            }
            if (from.has("secretRef")) {
                secrets.add(from.path("secretRef").path("name").asText());
            }
        });
        assertThat(configMaps).containsExactly(configMap.path("metadata").path("name").asText());
        assertThat(secrets).containsExactly(SECRET);
        container.path("env").forEach(e -> assertThat(SECRET_NAME.matcher(e.path("name").asText()).matches() && e.has("value"))
                .as("env " + e.path("name").asText() + " looks secret and has an inline value (use the Secret)").isFalse());
        assertThat(map(configMap.path("data")).keySet()).as("ConfigMap keys that look secret").noneMatch(k -> SECRET_NAME.matcher(k).matches());
        for (List<JsonNode> docs : documents.values()) {
            for (JsonNode doc : docs) {
                if ("Secret".equals(doc.path("kind").asText())) {
                    assertThat(doc.has("data")).as("a Secret with data in deploy/").isFalse();
                    map(doc.path("stringData")).forEach((name, value) ->
                            assertThat(value).as("secret.template.yaml " + name).isEqualTo("CHANGE_ME"));
                }
            }
        }
    }

    @Test
    void theSecretTemplateIsTheSecretTheDeploymentReadsAndHoldsOnlyPlaceholders() {
        List<JsonNode> template = documents.get("secret.template.yaml");
        assertThat(template).as("deploy/secret.template.yaml").hasSize(1);
        JsonNode secret = template.get(0);
        assertThat(secret.path("kind").asText()).isEqualTo("Secret");
        assertThat(secret.path("metadata").path("name").asText()).isEqualTo(SECRET);
        assertThat(secret.has("data")).isFalse();
        assertThat(map(secret.path("stringData"))).isNotEmpty().allSatisfy((name, value) -> assertThat(value).as(name).isEqualTo("CHANGE_ME"));
    }

    @Test
    void everyVariableProductionRequiresIsInTheConfigMapOrTheSecretTemplate() {
        Set<String> provided = new HashSet<>(map(configMap.path("data")).keySet());
        provided.addAll(map(documents.get("secret.template.yaml").get(0).path("stringData")).keySet());
        List<String> required = new ArrayList<>(ProductionSettings.REQUIRED.stream().map(ProductionSettings.Required::variable).toList());
        required.addAll(ProductionSettings.FIRST_ADMIN);
        assertThat(provided).containsAll(required);
        // And the secret ones are in the Secret, not the ConfigMap.
        assertThat(map(configMap.path("data")).keySet()).doesNotContain("CANDOR_DB_PASSWORD", "CANDOR_SESSION_KEY", "CANDOR_ADMIN_PASSWORD");
    }

    @Test
    void behindTheIngressProductionBelievesOnlyTheTrustedProxysForwardingHeaders() throws Exception {
        // Issue 19, finding 5: without forwarding, requests from the ingress arrive as plain HTTP (no Secure cookie, no HSTS).
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        assertThat(properties.getProperty("%prod.quarkus.http.proxy.proxy-address-forwarding")).isEqualTo("true");
        assertThat(properties.getProperty("%prod.quarkus.http.proxy.allow-x-forwarded")).isEqualTo("true");
        assertThat(properties.getProperty("%prod.quarkus.http.proxy.trusted-proxies")).startsWith("${CANDOR_TRUSTED_PROXIES");
        assertThat(map(configMap.path("data"))).containsKey("CANDOR_TRUSTED_PROXIES");
        assertThat(Files.readString(DEPLOY.resolve("README.md"))).contains("CANDOR_TRUSTED_PROXIES").contains("X-Forwarded-Proto: https");
    }

    @Test
    void theImageIsTaggedAsTheBuildNamesItAndTheDockerfileAndReadmeSayTheSame() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        String image = child(pom.getDocumentElement(), "artifactId") + ":" + child(pom.getDocumentElement(), "version");
        String deployed = container.path("image").asText();
        assertThat(deployed.equals(image) || deployed.endsWith("/" + image)).as(deployed + " is " + image).isTrue();
        assertThat(Files.readString(Path.of("src", "main", "docker", "Dockerfile.jvm"))).contains("-t " + image + " ");
        assertThat(Files.readString(DEPLOY.resolve("README.md"))).contains("/" + image + " ");
    }

    /** The text of a direct child element (the project's own artifactId/version, not the parent's or a dependency's). */
    private static String child(Node parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (name.equals(n.getNodeName())) {
                return n.getTextContent().trim();
            }
        }
        throw new AssertionError("no <" + name + "> in pom.xml");
    }
}
