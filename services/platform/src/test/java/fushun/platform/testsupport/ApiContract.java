package fushun.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API contract integrators rely on, checked on the document a service serves: what the platform
 * promises of every document (a Chinese summary and description for every operation, its tags
 * declared, examples for every JSON request body, the error answers as problems, Keycloak's security
 * scheme, the gateway as the only server, the API's version as CHANGELOG.md names it), then Stoplight
 * Spectral with its {@code spectral:oas} rules ({@code .spectral.yaml} at the repository's root),
 * which must report no error and no warning. The document is kept as
 * {@code target/openapi/<service>.json} for other linters and for review.
 */
public final class ApiContract {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "../.."))
            .toAbsolutePath().normalize();
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern MILESTONE = Pattern.compile("^## \\[[^]]+] \\((\\d+\\.\\d+\\.\\d+)\\)", Pattern.MULTILINE);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiContract() {
    }

    /**
     * Fetches {@code /api/<service>/api-docs} without a token, checks it, then lints it; and checks
     * that no two of the service's request or response types share a schema name (springdoc would
     * silently describe both with one of them).
     */
    public static void check(MockMvc mvc, ApplicationContext context, String service) throws Exception {
        String body = mvc.perform(get("/api/" + service + "/api-docs"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Path document = Path.of("target", "openapi", service + ".json").toAbsolutePath();
        Files.createDirectories(document.getParent());
        Files.writeString(document, body);
        JsonNode api = JSON.readTree(body);

        List<String> faults = new ArrayList<>();
        checkDocument(api, service, faults);
        checkExamplesAreAccepted(api, context, faults);
        schemaNameClashes(context).forEach((name, types) -> faults.add("schema name " + name + " is taken by " + types
                + ": give one a name of its own with @Schema(name = ...)"));
        assertThat(faults).as("the platform's rules for %s's API document (%s)", service, document).isEmpty();
        assertThat(spectral(document)).as("Spectral (spectral:oas) on %s", document).isEmpty();
    }

    static void checkDocument(JsonNode api, String service, List<String> faults) throws IOException {
        JsonNode info = api.path("info");
        if (!chinese(info.path("title").asString(""))) {
            faults.add("info.title must be the service's Chinese name, not " + info.path("title"));
        }
        if (info.path("description").asString("").isBlank()) {
            faults.add("info.description is missing");
        }
        String milestone = changelogMilestone();
        if (!info.path("version").asString("").equals(milestone)) {
            faults.add("info.version " + info.path("version") + " is not the milestone CHANGELOG.md names: " + milestone);
        }
        JsonNode servers = api.path("servers");
        if (servers.size() != 1 || servers.get(0).path("url").asString("").contains("/api/" + service)) {
            faults.add("servers must name the gateway only: " + servers);
        }
        JsonNode schemes = api.path("components").path("securitySchemes");
        if (!schemes.has("keycloak") || !schemes.path("keycloak").path("flows").has("authorizationCode")) {
            faults.add("the keycloak OAuth2 security scheme is missing");
        }
        Set<String> declaredTags = new HashSet<>();
        for (JsonNode tag : api.path("tags")) {
            declaredTags.add(tag.path("name").asString());
            if (!chinese(tag.path("description").asString(""))) {
                faults.add("tag " + tag.path("name") + " needs a Chinese description");
            }
        }
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String where = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                if (!chinese(operation.path("summary").asString(""))) {
                    faults.add(where + ": a Chinese summary is missing");
                }
                if (!chinese(operation.path("description").asString(""))) {
                    faults.add(where + ": a Chinese description is missing");
                }
                if (operation.path("tags").isEmpty()) {
                    faults.add(where + ": no tag");
                }
                for (JsonNode tag : operation.path("tags")) {
                    if (!declaredTags.contains(tag.asString())) {
                        faults.add(where + ": tag " + tag + " is not declared with a description (@Tag on the controller)");
                    }
                }
                JsonNode responses = operation.path("responses");
                boolean success = false;
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    success |= response.getKey().startsWith("2");
                    if (response.getKey().startsWith("4") && !response.getValue().path("content").has("application/problem+json")) {
                        faults.add(where + ": answer " + response.getKey() + " is not documented as application/problem+json");
                    }
                }
                if (!success) {
                    faults.add(where + ": no success answer");
                }
                boolean open = operation.has("security") && operation.path("security").isEmpty();
                for (String code : open ? List.of("400") : List.of("400", "401", "403")) {
                    if (!responses.has(code)) {
                        faults.add(where + ": answer " + code + " is not documented");
                    }
                }
                JsonNode json = operation.path("requestBody").path("content").path("application/json");
                if (!json.isMissingNode() && !json.has("example") && !json.has("examples")) {
                    faults.add(where + ": the JSON request body has no example");
                }
            }
        }
    }

    /**
     * Every JSON request body example is read by the service's own JSON mapper into the operation's
     * request type and passes its Bean Validation constraints: an integrator who copies an example
     * gets past the door (business rules may still refuse it, with a 422 problem).
     */
    static void checkExamplesAreAccepted(JsonNode api, ApplicationContext context, List<String> faults) {
        tools.jackson.databind.ObjectMapper mapper = context.getBean(tools.jackson.databind.ObjectMapper.class);
        jakarta.validation.Validator validator = context.getBean(jakarta.validation.Validator.class);
        Map<String, java.lang.reflect.Parameter> bodies = new java.util.HashMap<>();
        handlerMethods(context).forEach((info, method) -> {
            for (java.lang.reflect.Parameter parameter : method.getMethod().getParameters()) {
                if (parameter.isAnnotationPresent(org.springframework.web.bind.annotation.RequestBody.class)) {
                    for (String pattern : info.getPatternValues()) {
                        for (org.springframework.web.bind.annotation.RequestMethod verb : info.getMethodsCondition().getMethods()) {
                            bodies.put(verb.name().toLowerCase() + " " + pattern, parameter);
                        }
                    }
                }
            }
        });
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                JsonNode json = entry.getValue().path("requestBody").path("content").path("application/json");
                List<JsonNode> examples = new ArrayList<>();
                if (json.has("example")) {
                    examples.add(json.get("example"));
                }
                json.path("examples").forEach(example -> examples.add(example.path("value")));
                String where = entry.getKey().toUpperCase() + " " + path.getKey();
                java.lang.reflect.Parameter parameter = bodies.get(entry.getKey() + " " + path.getKey());
                if (examples.isEmpty()) {
                    continue;
                }
                if (parameter == null) {
                    faults.add(where + ": documents a JSON body that no handler method reads");
                    continue;
                }
                for (JsonNode example : examples) {
                    try {
                        Object value = mapper.readValue(example.isString() ? example.asString() : example.toString(),
                                mapper.constructType(parameter.getParameterizedType()));
                        for (jakarta.validation.ConstraintViolation<Object> violation : validator.validate(value)) {
                            faults.add(where + ": the example breaks " + violation.getPropertyPath() + ": " + violation.getMessage());
                        }
                    } catch (tools.jackson.core.JacksonException e) {
                        faults.add(where + ": the example cannot be read as " + parameter.getParameterizedType().getTypeName()
                                + ": " + e.getOriginalMessage());
                    }
                }
            }
        }
    }

    /** Every handler method of the service's web API, with its mapping. */
    private static Map<org.springframework.web.servlet.mvc.method.RequestMappingInfo, HandlerMethod> handlerMethods(
            ApplicationContext context) {
        Map<org.springframework.web.servlet.mvc.method.RequestMappingInfo, HandlerMethod> methods = new java.util.HashMap<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            methods.putAll(mapping.getHandlerMethods());
        }
        return methods;
    }

    /** Schema names (a type's simple name, or its {@code @Schema(name)}) that two types of the API would take. */
    static Map<String, Set<String>> schemaNameClashes(ApplicationContext context) {
        Map<String, Set<String>> typesByName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (HandlerMethod method : handlerMethods(context).values()) {
            collect(method.getMethod().getGenericReturnType(), seen, typesByName);
            for (java.lang.reflect.Parameter parameter : method.getMethod().getParameters()) {
                if (parameter.isAnnotationPresent(org.springframework.web.bind.annotation.RequestBody.class)
                        || parameter.isAnnotationPresent(org.springdoc.core.annotations.ParameterObject.class)) {
                    collect(parameter.getParameterizedType(), seen, typesByName);
                }
            }
        }
        typesByName.values().removeIf(types -> types.size() < 2);
        return typesByName;
    }

    private static void collect(Type type, Set<Class<?>> seen, Map<String, Set<String>> typesByName) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), seen, typesByName);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, seen, typesByName);
            }
            return;
        }
        if (type instanceof java.lang.reflect.WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                collect(bound, seen, typesByName);
            }
            return;
        }
        if (type instanceof java.lang.reflect.GenericArrayType array) {
            collect(array.getGenericComponentType(), seen, typesByName);
            return;
        }
        if (!(type instanceof Class<?> clazz) || clazz.isPrimitive() || clazz.isArray() && clazz.getComponentType().isPrimitive()) {
            return;
        }
        if (clazz.isArray()) {
            collect(clazz.getComponentType(), seen, typesByName);
            return;
        }
        String name = clazz.getName();
        if (name.startsWith("java.") || name.startsWith("jakarta.") || name.startsWith("org.springframework.")
                || clazz.isEnum() || !seen.add(clazz)) {
            return;
        }
        io.swagger.v3.oas.annotations.media.Schema schema = clazz.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        String schemaName = schema != null && !schema.name().isBlank() ? schema.name() : clazz.getSimpleName();
        typesByName.computeIfAbsent(schemaName, n -> new java.util.TreeSet<>()).add(clazz.getName());
        if (clazz.isRecord()) {
            for (java.lang.reflect.RecordComponent component : clazz.getRecordComponents()) {
                collect(component.getGenericType(), seen, typesByName);
            }
        } else {
            for (java.lang.reflect.Field field : clazz.getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    collect(field.getGenericType(), seen, typesByName);
                }
            }
        }
    }

    private static boolean chinese(String text) {
        return CHINESE.matcher(text).find();
    }

    private static String changelogMilestone() throws IOException {
        Matcher matcher = MILESTONE.matcher(Files.readString(ROOT.resolve("CHANGELOG.md")));
        return matcher.find() ? matcher.group(1) : "(none)";
    }

    /** Spectral's errors and warnings on the document, one line each; skipped where Spectral cannot be installed outside CI. */
    static List<String> spectral(Path document) throws Exception {
        Process process = new ProcessBuilder("bash", ROOT.resolve("deploy/local/install-spectral.sh").toString(),
                "lint", "--ruleset", ROOT.resolve(".spectral.yaml").toString(), "--format", "json", "--quiet",
                document.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("Spectral finished").isTrue();
        Assumptions.assumeTrue(process.exitValue() != 3, "Spectral could not be installed here (see the message above)");
        String text = new String(output, StandardCharsets.UTF_8).trim();
        assertThat(text).as("Spectral's JSON output (exit %d)", process.exitValue()).startsWith("[");
        List<String> problems = new ArrayList<>();
        for (JsonNode result : JSON.readTree(text)) {
            int severity = result.path("severity").asInt();
            if (severity <= 1) {
                List<String> at = new ArrayList<>();
                result.path("path").forEach(p -> at.add(p.asString()));
                problems.add((severity == 0 ? "error " : "warning ") + result.path("code").asString() + " at "
                        + String.join(".", at) + ": " + result.path("message").asString());
            }
        }
        return problems;
    }
}
