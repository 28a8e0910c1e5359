package fushun.medicalinsurance.provincial.web;

import static fushun.platform.testsupport.RecordShapes.names;
import static fushun.platform.testsupport.RecordShapes.values;
import static org.assertj.core.api.Assertions.assertThat;

import fushun.medicalinsurance.provincial.ProvincialPull;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapstruct.factory.Mappers;

class ProvincialViewsTest {

    private final ProvincialWebMapper mapper = Mappers.getMapper(ProvincialWebMapper.class);

    static Stream<Arguments> viewsAndTheRecordsTheAnswersWere() {
        return Stream.of(
                Arguments.of(ProvincialViews.StatusView.class, ProvincialPull.Status.class),
                Arguments.of(ProvincialViews.CountyStateView.class, ProvincialPull.CountyState.class),
                Arguments.of(ProvincialViews.PullResultView.class, ProvincialPull.PullResult.class));
    }

    /** The API's JSON fields are the views' components: the same names, in the same order, as before. */
    @ParameterizedTest
    @MethodSource("viewsAndTheRecordsTheAnswersWere")
    void shouldKeepTheApisFieldNamesWhenAnsweringWithAView(Class<? extends Record> view, Class<? extends Record> before) {
        assertThat(names(view)).isEqualTo(names(before));
    }

    @Test
    void shouldCopyEveryCountyWhenMappingTheStatus() {
        var pulled = new ProvincialPull.CountyState("210422", "c-42", 1200, Instant.parse("2026-11-20T08:00:00Z"),
                null, null);
        var failing = new ProvincialPull.CountyState("210423", null, 0, null, Instant.parse("2026-11-20T09:00:00Z"),
                "ResourceAccessException");
        var status = new ProvincialPull.Status(true, "HALF_OPEN", List.of(pulled, failing));

        var view = mapper.toView(status);

        assertThat(List.of(view.enabled(), view.breakerState())).isEqualTo(List.of(true, "HALF_OPEN"));
        assertThat(view.counties()).hasSize(2);
        assertThat(values(view.counties().get(0))).isEqualTo(values(pulled));
        assertThat(values(view.counties().get(1))).isEqualTo(values(failing));
    }

    @Test
    void shouldCopyEveryFieldWhenMappingAPullResult() {
        var result = new ProvincialPull.PullResult("210422", 3, 1100, 200, 4, true, "TimeoutException");

        assertThat(values(mapper.toView(result))).isEqualTo(values(result));
    }
}
