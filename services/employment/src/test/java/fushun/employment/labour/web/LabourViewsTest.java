package fushun.employment.labour.web;

import static fushun.platform.testsupport.RecordShapes.names;
import static fushun.platform.testsupport.RecordShapes.values;
import static org.assertj.core.api.Assertions.assertThat;

import fushun.employment.labour.Labourers;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapstruct.factory.Mappers;

class LabourViewsTest {

    private final LabourWebMapper mapper = Mappers.getMapper(LabourWebMapper.class);

    static Stream<Arguments> viewsAndTheRecordsTheAnswersWere() {
        return Stream.of(
                Arguments.of(LabourViews.PersonView.class, Labourers.Person.class),
                Arguments.of(LabourViews.TrainingView.class, Labourers.Training.class));
    }

    /** The API's JSON fields are the views' components: the same names, in the same order, as before. */
    @ParameterizedTest
    @MethodSource("viewsAndTheRecordsTheAnswersWere")
    void shouldKeepTheApisFieldNamesWhenAnsweringWithAView(Class<? extends Record> view, Class<? extends Record> before) {
        assertThat(names(view)).isEqualTo(names(before));
    }

    @Test
    void shouldCopyEveryFieldWhenMappingTheHouseholdsPeople() {
        var labourer = new Labourers.Person(UUID.randomUUID(), UUID.randomUUID(), "210422100201", "王示明",
                "2104**********0001", "FULL", "EMPLOYED", LocalDate.of(2025, 3, 1), "ACTIVE", null);
        var left = new Labourers.Person(UUID.randomUUID(), labourer.householdId(), "210422100201", "王示华",
                "2104**********0002", "NONE", "UNEMPLOYED", null, "LEFT", LocalDate.of(2026, 5, 10));

        var views = mapper.toPersonViews(List.of(labourer, left));

        assertThat(views).hasSize(2);
        assertThat(values(views.get(0))).isEqualTo(values(labourer));
        assertThat(values(views.get(1))).isEqualTo(values(left));
    }

    @Test
    void shouldCopyEveryFieldWhenMappingATraining() {
        var training = new Labourers.Training(UUID.randomUUID(), "电工技能培训", 40, LocalDate.of(2026, 6, 30));

        assertThat(values(mapper.toView(training))).isEqualTo(values(training));
        assertThat(values(mapper.toTrainingViews(List.of(training)).get(0))).isEqualTo(values(training));
    }
}
