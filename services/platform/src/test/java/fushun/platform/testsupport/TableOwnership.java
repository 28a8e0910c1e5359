package fushun.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each feature keeps to its own tables: a source scan where ArchUnit cannot look (SQL lives in
 * strings). A feature declares its tables with {@code @OwnsTables} on its top package's
 * {@code package-info.java}; every table the service's migrations create (and do not drop) has
 * exactly one owner; and the SQL in a class's string literals and text blocks names only its own
 * feature's tables or the platform's (schema {@code platform}: outbox, inbox, policy parameters,
 * received alerts). Classes outside every feature ({@code inbound}, {@code config}, the
 * application) own no tables.
 *
 * <p>Tables are recognised after {@code from}, {@code join}, {@code into}, {@code update} and
 * {@code delete from}; only names some migration creates count, so CTE names and SQL keywords
 * pass.
 */
public final class TableOwnership {

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(?:(\\w+)\\.)?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_TABLE = Pattern.compile(
            "drop\\s+table\\s+(?:if\\s+exists\\s+)?(?:(\\w+)\\.)?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_USE = Pattern.compile(
            "\\b(?:from|join|into|update)\\s+(?:(\\w+)\\.)?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OWNS_TABLES = Pattern.compile("@(?:fushun\\.platform\\.)?OwnsTables\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"(\\w+)\"");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private final String basePackage;
    private final Path sources;
    private final Path migrations;
    private final Set<String> platformTables;
    private final Set<String> knownViolations;

    private TableOwnership(String basePackage, Path sources, Path migrations, Set<String> platformTables,
            Set<String> knownViolations) {
        this.basePackage = basePackage;
        this.sources = sources;
        this.migrations = migrations;
        this.platformTables = platformTables;
        this.knownViolations = knownViolations;
    }

    /** The service under test, run from its module directory (as Surefire does). */
    public static TableOwnership of(String basePackage) {
        return new TableOwnership(basePackage, Path.of("src/main/java"), Path.of("src/main/resources/db/migration"),
                platformTablesOnClasspath(), Set.of());
    }

    /** Another tree laid out like a service (the failing example in the platform's tests). */
    public static TableOwnership of(String basePackage, Path sources, Path migrations, Set<String> platformTables) {
        return new TableOwnership(basePackage, sources, migrations, platformTables, Set.of());
    }

    /**
     * Debt written down, not hidden: these exact violations pass until they are fixed, and then
     * the check fails until they leave the list, so the list only shrinks. Any other violation
     * fails as usual.
     */
    public TableOwnership allowingForNow(String... violations) {
        return new TableOwnership(basePackage, sources, migrations, platformTables, Set.of(violations));
    }

    /** Fails with every violation, one a line: the class, the table and its owner. */
    public void check() {
        List<String> found = violations();
        List<String> violations = found.stream().filter(v -> !knownViolations.contains(v)).toList();
        if (!violations.isEmpty()) {
            throw new AssertionError("Features reach beyond their own tables (" + violations.size() + "):\n  "
                    + String.join("\n  ", violations));
        }
        List<String> fixed = knownViolations.stream().filter(v -> !found.contains(v)).sorted().toList();
        if (!fixed.isEmpty()) {
            throw new AssertionError("Fixed, so take them off the allowingForNow list (" + fixed.size() + "):\n  "
                    + String.join("\n  ", fixed));
        }
    }

    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        Set<String> created = createdTables();
        Map<String, String> owners = new TreeMap<>();
        for (Path file : javaFiles()) {
            if (!file.getFileName().toString().equals("package-info.java")) {
                continue;
            }
            String source = read(file);
            Matcher owns = OWNS_TABLES.matcher(source);
            if (!owns.find()) {
                continue;
            }
            String pkg = packageOf(source);
            String feature = featureOf(pkg);
            if (feature == null || !pkg.equals(basePackage + "." + feature)) {
                violations.add(pkg + " declares @OwnsTables but is not a feature's top package");
                continue;
            }
            Matcher quoted = QUOTED.matcher(owns.group(1));
            while (quoted.find()) {
                String table = quoted.group(1).toLowerCase(Locale.ROOT);
                String previous = owners.put(table, feature);
                if (previous != null && !previous.equals(feature)) {
                    violations.add("table " + table + " is owned by both " + previous + " and " + feature);
                }
                if (!created.contains(table)) {
                    violations.add(feature + " owns table " + table + ", which no migration creates");
                }
            }
        }
        for (String table : created) {
            if (!owners.containsKey(table)) {
                violations.add("table " + table + " has no owner: add it to one feature's @OwnsTables");
            }
        }
        for (Path file : javaFiles()) {
            String source = read(file);
            String pkg = packageOf(source);
            String feature = featureOf(pkg);
            String className = pkg + "." + file.getFileName().toString().replace(".java", "");
            Set<String> reported = new TreeSet<>();
            for (String literal : stringLiterals(source)) {
                Matcher use = TABLE_USE.matcher(literal);
                while (use.find()) {
                    String schema = use.group(1) == null ? null : use.group(1).toLowerCase(Locale.ROOT);
                    String table = use.group(2).toLowerCase(Locale.ROOT);
                    if ("platform".equals(schema) || (schema == null && platformTables.contains(table))) {
                        continue;
                    }
                    String owner = owners.get(table);
                    if (owner == null || owner.equals(feature) || !reported.add(table)) {
                        continue;
                    }
                    violations.add(className + " (" + (feature == null ? "no feature" : "feature " + feature)
                            + ") names table " + table + ", owned by feature " + owner);
                }
            }
        }
        return violations;
    }

    /** Tables the service's migrations leave behind, without the platform's. */
    Set<String> createdTables() {
        Set<String> tables = new TreeSet<>();
        for (Path file : files(migrations, ".sql")) {
            String sql = withoutSqlComments(read(file));
            Matcher create = CREATE_TABLE.matcher(sql);
            while (create.find()) {
                if (!"platform".equalsIgnoreCase(create.group(1))) {
                    tables.add(create.group(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        for (Path file : files(migrations, ".sql")) {
            Matcher drop = DROP_TABLE.matcher(withoutSqlComments(read(file)));
            while (drop.find()) {
                if (!"platform".equalsIgnoreCase(drop.group(1))) {
                    tables.remove(drop.group(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /** The tables of the platform's own migrations (schema platform), from its jar. */
    public static Set<String> platformTablesOnClasspath() {
        Set<String> tables = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:db/platform/*.sql")) {
                Matcher create = CREATE_TABLE.matcher(withoutSqlComments(
                        resource.getContentAsString(StandardCharsets.UTF_8)));
                while (create.find()) {
                    tables.add(create.group(2).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private String featureOf(String pkg) {
        if (!pkg.startsWith(basePackage + ".")) {
            return null;
        }
        String rest = pkg.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String packageOf(String source) {
        Matcher pkg = PACKAGE.matcher(withoutJavaComments(source));
        return pkg.find() ? pkg.group(1) : "";
    }

    /** The contents of every string literal and text block, comments and char literals skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = i + 3;
                int j = start;
                while (j < n && !source.startsWith("\"\"\"", j)) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(source.substring(start, Math.min(j, n)));
                i = j + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(source.substring(i + 1, Math.min(j, n)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static String withoutJavaComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
    }

    private List<Path> javaFiles() {
        return files(sources, ".java");
    }

    private static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("no directory " + root.toAbsolutePath());
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
