package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The broker's access lists come from {@link Topics#consumedBy}: every service's listeners must
 * read exactly those topics, or a listener is refused in production (a topic missing here) or a
 * service may read more than it needs (a topic left over here). Read from the services' sources.
 */
class BusPlanTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\((.*?)\\)\\s*\\n", Pattern.DOTALL);
    private static final Pattern CONSTANT = Pattern.compile("Topics\\.([A-Z_]+)");

    @Test
    void shouldGrantEachServiceExactlyTheTopicsItsListenersRead() throws Exception {
        for (String service : Topics.services()) {
            Set<String> read = listenedTopics(ROOT.resolve("services").resolve(service).resolve("src/main/java"));
            assertThat(read).as(service + "'s listeners").isNotEmpty();
            assertThat(read).as(service + ": its listeners' topics against Topics.consumedBy")
                    .containsExactlyInAnyOrderElementsOf(Topics.consumedBy(service));
        }
    }

    @Test
    void shouldNameEveryTopicAfterTheServiceThatPublishesIt() {
        for (String topic : Topics.all()) {
            assertThat(Topics.services()).as(topic).contains(Topics.ownerOf(topic));
        }
    }

    private static Set<String> listenedTopics(Path sources) throws IOException, ReflectiveOperationException {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher listener = LISTENER.matcher(Files.readString(file));
                while (listener.find()) {
                    String arguments = listener.group(1);
                    if (arguments.contains("Topics).signals()")) {
                        topics.addAll(Topics.signals());
                    }
                    if (arguments.contains("Topics).measures()")) {
                        topics.addAll(Topics.measures());
                    }
                    Matcher constant = CONSTANT.matcher(arguments);
                    while (constant.find()) {
                        topics.add((String) Topics.class.getField(constant.group(1)).get(null));
                    }
                }
            }
        }
        return topics;
    }
}
