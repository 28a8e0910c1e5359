package fushun.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.Bureau;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's Chinese labels (static/js/labels.js) say what the platform's enums say: a risk type,
 * a bureau or a category added or renamed in fushun.contracts fails here until the page follows.
 */
class LabelsTest {

    private static final Pattern ENTRY = Pattern.compile("'?([A-Za-z_-]+)'?\\s*:\\s*'([^']*)'");

    @Test
    void shouldNameEveryRiskTypeAsTheContractsDo() throws IOException {
        assertThat(labels("RISK_LABELS")).isEqualTo(expected(RiskType.values(), RiskType::label));
    }

    @Test
    void shouldNameEveryBureauAsTheContractsDo() throws IOException {
        assertThat(labels("BUREAU_LABELS")).isEqualTo(expected(Bureau.values(), Bureau::label));
    }

    @Test
    void shouldNameEveryHouseholdCategoryAsTheContractsDo() throws IOException {
        assertThat(labels("CATEGORY_LABELS")).isEqualTo(expected(HouseholdCategory.values(), HouseholdCategory::label));
    }

    private static <E extends Enum<E>> Map<String, String> expected(E[] values, Function<E, String> label) {
        return Stream.of(values).collect(Collectors.toMap(Enum::name, label, (a, b) -> a, LinkedHashMap::new));
    }

    /** The entries of {@code export const NAME = Object.freeze({ … });}, in order. */
    private static Map<String, String> labels(String name) throws IOException {
        String module = module();
        Matcher block = Pattern.compile("export const " + name + " = Object\\.freeze\\(\\{([^}]*)\\}\\);").matcher(module);
        assertThat(block.find()).as(name + " in labels.js").isTrue();
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(block.group(1));
        while (entry.find()) {
            labels.put(entry.group(1), entry.group(2));
        }
        return labels;
    }

    private static String module() throws IOException {
        try (InputStream in = LabelsTest.class.getResourceAsStream("/static/js/labels.js")) {
            assertThat(in).as("static/js/labels.js on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
