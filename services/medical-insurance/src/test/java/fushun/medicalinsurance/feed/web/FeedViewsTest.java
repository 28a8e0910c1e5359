package fushun.medicalinsurance.feed.web;

import static fushun.platform.testsupport.RecordShapes.names;
import static fushun.platform.testsupport.RecordShapes.values;
import static org.assertj.core.api.Assertions.assertThat;

import fushun.medicalinsurance.feed.FeedCompleteness;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapstruct.factory.Mappers;

class FeedViewsTest {

    private final FeedWebMapper mapper = Mappers.getMapper(FeedWebMapper.class);

    /** The API's JSON fields are the views' components: the same names, in the same order, as before. */
    @Test
    void shouldKeepTheApisFieldNamesWhenAnsweringWithAView() {
        assertThat(names(FeedViews.MonthFeedView.class)).isEqualTo(names(FeedCompleteness.MonthFeed.class));
        assertThat(names(FeedViews.CountyFeedView.class)).isEqualTo(names(FeedCompleteness.CountyFeed.class));
    }

    @Test
    void shouldCopyEveryCountyWhenMappingAMonth() {
        var onTime = new FeedCompleteness.CountyFeed("210422", "新宾满族自治县", 120, 3,
                Instant.parse("2026-10-02T01:00:00Z"), FeedCompleteness.State.ON_TIME);
        var missing = new FeedCompleteness.CountyFeed("210423", "清原满族自治县", 0, 0, null, FeedCompleteness.State.MISSING);
        var month = new FeedCompleteness.MonthFeed(YearMonth.of(2026, 9), LocalDate.of(2026, 10, 5),
                List.of(onTime, missing));

        var view = mapper.toView(month);

        assertThat(List.of(view.month(), view.deadline())).isEqualTo(List.of(month.month(), month.deadline()));
        assertThat(view.counties()).hasSize(2);
        assertThat(values(view.counties().get(0))).isEqualTo(values(onTime));
        assertThat(values(view.counties().get(1))).isEqualTo(values(missing));
    }
}
