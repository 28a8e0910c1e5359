package fushun.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The part of Kustomize that deploy/kubernetes uses, so the build renders the manifests without a
 * kustomize or kubectl binary: {@code resources} (files and directories with their own
 * kustomization), {@code namespace}, {@code images} (newName, newTag), {@code replicas}, and
 * {@code patches} read as Kustomize reads a strategic-merge patch of whole documents (maps merge,
 * {@code null} deletes, a list of maps with names merges by name, any other list is replaced; with a
 * {@code target}, the patch applies to every document of that kind). Any other field of a
 * kustomization is refused, so the manifests cannot grow a feature this rendering ignores.
 */
final class KustomizeSubset {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "images", "replicas", "patches");

    private KustomizeSubset() {
    }

    /** The documents a kustomization directory renders to, in order. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path directory) {
        Map<String, Object> kustomization = new Yaml().load(read(directory.resolve("kustomization.yaml")));
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(directory + ": kustomization field '" + field + "' is not in the subset the test renders");
            }
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String resource : (List<String>) kustomization.getOrDefault("resources", List.of())) {
            Path path = directory.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                documents.addAll(render(path));
            } else {
                documents.addAll(documentsIn(path));
            }
        }
        for (Map<String, Object> patch : (List<Map<String, Object>>) kustomization.getOrDefault("patches", List.of())) {
            Map<String, Object> target = (Map<String, Object>) patch.get("target");
            for (Map<String, Object> change : documentsIn(directory.resolve((String) patch.get("path")))) {
                List<Map<String, Object>> targets = documents.stream()
                        .filter(d -> target == null
                                ? d.get("kind").equals(change.get("kind")) && name(d).equals(name(change))
                                : d.get("kind").equals(target.get("kind")) && (target.get("name") == null || name(d).equals(target.get("name"))))
                        .toList();
                if (targets.isEmpty()) {
                    throw new IllegalArgumentException(directory + ": patch " + patch + " matches no document");
                }
                for (Map<String, Object> document : targets) {
                    Map<String, Object> copy = (Map<String, Object>) deepCopy(change);
                    if (target != null) {
                        // the patch's own name is ignored when it names a target
                        ((Map<String, Object>) copy.get("metadata")).remove("name");
                    }
                    merge(document, copy);
                }
            }
        }
        for (Map<String, Object> replicas : (List<Map<String, Object>>) kustomization.getOrDefault("replicas", List.of())) {
            Map<String, Object> deployment = documents.stream()
                    .filter(d -> d.get("kind").equals("Deployment") && name(d).equals(replicas.get("name")))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("replicas for no Deployment: " + replicas));
            ((Map<String, Object>) deployment.get("spec")).put("replicas", replicas.get("count"));
        }
        for (Map<String, Object> image : (List<Map<String, Object>>) kustomization.getOrDefault("images", List.of())) {
            int replaced = 0;
            for (Map<String, Object> document : documents) {
                for (Map<String, Object> container : containers(document)) {
                    String current = (String) container.get("image");
                    if (imageName(current).equals(image.get("name"))) {
                        String name = (String) image.getOrDefault("newName", imageName(current));
                        String tag = image.containsKey("newTag") ? String.valueOf(image.get("newTag")) : imageTag(current);
                        container.put("image", tag == null ? name : name + ":" + tag);
                        replaced++;
                    }
                }
            }
            if (replaced == 0) {
                throw new IllegalArgumentException(directory + ": image " + image.get("name") + " is used by no container");
            }
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> document : documents) {
                if (!document.get("kind").equals("Namespace")) {
                    ((Map<String, Object>) document.get("metadata")).put("namespace", namespace);
                }
            }
        }
        return documents;
    }

    /** Every document of a YAML file (comments and empty documents left out), as maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documentsIn(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(read(file))) {
            if (document == null) {
                continue;
            }
            Map<String, Object> map = (Map<String, Object>) document;
            if (!(map.get("kind") instanceof String) || !(map.get("metadata") instanceof Map<?, ?> metadata) || metadata.get("name") == null) {
                throw new IllegalArgumentException(file + ": a document without kind or metadata.name");
            }
            documents.add(map);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static String name(Map<String, Object> document) {
        return String.valueOf(((Map<String, Object>) document.get("metadata")).get("name"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> document) {
        if (!"Deployment".equals(document.get("kind"))) {
            return List.of();
        }
        Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) document.get("spec")).get("template");
        return (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers");
    }

    /** An image reference without its tag: the part before a ':' that follows the last '/'. */
    static String imageName(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    static String imageTag(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : null;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> patch) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            Object current = into.get(entry.getKey());
            Object change = entry.getValue();
            if (change == null) {
                into.remove(entry.getKey());
            } else if (current instanceof Map<?, ?> && change instanceof Map<?, ?>) {
                merge((Map<String, Object>) current, (Map<String, Object>) change);
            } else if (current instanceof List<?> list && change instanceof List<?> changes && namedMaps(list) && namedMaps(changes)) {
                for (Object item : changes) {
                    Map<String, Object> named = (Map<String, Object>) item;
                    list.stream().filter(i -> ((Map<?, ?>) i).get("name").equals(named.get("name"))).findFirst()
                            .ifPresentOrElse(i -> merge((Map<String, Object>) i, named), () -> ((List<Object>) list).add(named));
                }
            } else {
                into.put(entry.getKey(), change);
            }
        }
    }

    private static boolean namedMaps(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") != null);
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
