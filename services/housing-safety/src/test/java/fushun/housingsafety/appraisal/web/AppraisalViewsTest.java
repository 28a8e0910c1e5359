package fushun.housingsafety.appraisal.web;

import static fushun.platform.testsupport.RecordShapes.names;
import static fushun.platform.testsupport.RecordShapes.values;
import static org.assertj.core.api.Assertions.assertThat;

import fushun.housingsafety.appraisal.AppraisalTasks;
import fushun.housingsafety.appraisal.Appraisals;
import fushun.housingsafety.appraisal.Renovations;
import fushun.housingsafety.appraisal.YearlyScreening;
import fushun.platform.web.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapstruct.factory.Mappers;

class AppraisalViewsTest {

    private final AppraisalWebMapper mapper = Mappers.getMapper(AppraisalWebMapper.class);

    static Stream<Arguments> viewsAndTheRecordsTheAnswersWere() {
        return Stream.of(
                Arguments.of(AppraisalViews.TaskView.class, AppraisalTasks.Task.class),
                Arguments.of(AppraisalViews.AppraisalView.class, Appraisals.Appraisal.class),
                Arguments.of(AppraisalViews.RenovationView.class, Renovations.Renovation.class),
                Arguments.of(AppraisalViews.ScreeningView.class, YearlyScreening.Screening.class),
                Arguments.of(AppraisalViews.ScreeningLineView.class, YearlyScreening.ScreeningLine.class));
    }

    /** The API's JSON fields are the views' components: the same names, in the same order, as before. */
    @ParameterizedTest
    @MethodSource("viewsAndTheRecordsTheAnswersWere")
    void shouldKeepTheApisFieldNamesWhenAnsweringWithAView(Class<? extends Record> view, Class<? extends Record> before) {
        assertThat(names(view)).isEqualTo(names(before));
    }

    @Test
    void shouldCopyEveryFieldWhenMappingARenovation() {
        var renovation = new Renovations.Renovation(UUID.randomUUID(), UUID.randomUUID(), "210422100201",
                UUID.randomUUID(), "REBUILD", new BigDecimal("35000.00"), "housing.subsidy.rebuild[*]@2021-01-01",
                "COMPLETED", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 9, 30), "A", "wang", "li", "zhao");

        assertThat(values(mapper.toView(renovation))).isEqualTo(values(renovation));
    }

    @Test
    void shouldKeepThePageAndItsCountsWhenMappingTasks() {
        var task = new AppraisalTasks.Task(UUID.randomUUID(), UUID.randomUUID(), "210422100201", UUID.randomUUID(),
                LocalDate.of(2026, 12, 31), "OPEN", Instant.parse("2026-11-20T08:00:00Z"));

        Page<AppraisalViews.TaskView> page = mapper.toTaskPage(new Page<>(List.of(task), 2, 1, 3));

        assertThat(page.page()).isEqualTo(2);
        assertThat(page.size()).isEqualTo(1);
        assertThat(page.total()).isEqualTo(3);
        assertThat(values(page.items().get(0))).isEqualTo(values(task));
    }

    @Test
    void shouldMapTheScreeningsLinesWhenMappingTheScreening() {
        var line = new YearlyScreening.ScreeningLine(UUID.randomUUID(), "210422100201", "张示例", null, null);
        var screening = new YearlyScreening.Screening("210422", 2026, 5, 3, 2, List.of(line), 0, 50, 5);

        var view = mapper.toView(screening);

        assertThat(values(view).subList(0, 5)).isEqualTo(values(screening).subList(0, 5));
        assertThat(values(view.items().get(0))).isEqualTo(values(line));
    }
}
