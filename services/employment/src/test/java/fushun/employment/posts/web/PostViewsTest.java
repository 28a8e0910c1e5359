package fushun.employment.posts.web;

import static fushun.platform.testsupport.RecordShapes.names;
import static fushun.platform.testsupport.RecordShapes.values;
import static org.assertj.core.api.Assertions.assertThat;

import fushun.employment.pension.PensionPremiums;
import fushun.employment.posts.MonthlySubsidies;
import fushun.employment.posts.PostHires;
import fushun.employment.posts.WelfarePosts;
import fushun.platform.web.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapstruct.factory.Mappers;

class PostViewsTest {

    private final PostWebMapper mapper = Mappers.getMapper(PostWebMapper.class);

    private static final WelfarePosts.Post POST = new WelfarePosts.Post(UUID.randomUUID(), "210422100201", "生态护林员", 3,
            new BigDecimal("800.00"), 2);

    static Stream<Arguments> viewsAndTheRecordsTheAnswersWere() {
        return Stream.of(
                Arguments.of(PostViews.PostView.class, WelfarePosts.Post.class),
                Arguments.of(PostViews.HoldingView.class, PostHires.Holding.class),
                Arguments.of(PostViews.MonthlySubsidyView.class, MonthlySubsidies.MonthlySubsidy.class),
                Arguments.of(PostViews.SuggestionsView.class, WelfarePosts.Suggestions.class),
                Arguments.of(PostViews.PensionRosterView.class, PensionPremiums.Roster.class),
                Arguments.of(PostViews.PensionEntryView.class, PensionPremiums.Entry.class));
    }

    /** The API's JSON fields are the views' components: the same names, in the same order, as before. */
    @ParameterizedTest
    @MethodSource("viewsAndTheRecordsTheAnswersWere")
    void shouldKeepTheApisFieldNamesWhenAnsweringWithAView(Class<? extends Record> view, Class<? extends Record> before) {
        assertThat(names(view)).isEqualTo(names(before));
    }

    @Test
    void shouldCopyEveryFieldWhenMappingAHoldingAndAMonthsSubsidy() {
        var holding = new PostHires.Holding(UUID.randomUUID(), POST.id(), UUID.randomUUID(), UUID.randomUUID(),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30), "合同期满", "hr-hirer");
        var subsidy = new MonthlySubsidies.MonthlySubsidy(holding.id(), YearMonth.of(2026, 4), 15, 22, new BigDecimal("545.45"));

        assertThat(values(mapper.toView(holding))).isEqualTo(values(holding));
        assertThat(values(mapper.toView(subsidy))).isEqualTo(values(subsidy));
    }

    @Test
    void shouldKeepThePageAndItsCountsWhenMappingPosts() {
        Page<PostViews.PostView> page = mapper.toPostPage(new Page<>(List.of(POST), 2, 1, 3));

        assertThat(List.of(page.page(), page.size(), page.total())).isEqualTo(List.of(2, 1, 3L));
        assertThat(values(page.items().get(0))).isEqualTo(values(POST));
    }

    @Test
    void shouldMapThePostsPageWhenMappingSuggestions() {
        var suggestions = new WelfarePosts.Suggestions(UUID.randomUUID(), UUID.randomUUID(), List.of(UUID.randomUUID()),
                new Page<>(List.of(POST), 0, 20, 1));

        var view = mapper.toView(suggestions);

        assertThat(values(view).subList(0, 3)).isEqualTo(values(suggestions).subList(0, 3));
        assertThat(List.of(view.posts().page(), view.posts().size(), view.posts().total())).isEqualTo(List.of(0, 20, 1L));
        assertThat(values(view.posts().items().get(0))).isEqualTo(values(POST));
    }

    @Test
    void shouldMapEveryEntryWhenMappingThePensionRoster() {
        var entry = new PensionPremiums.Entry("210422100201", UUID.randomUUID(), "2104**********0001", "DIBAO", 45,
                new BigDecimal("100.00"));
        var unknownAge = new PensionPremiums.Entry("210422100201", UUID.randomUUID(), "2104**********0002", "TEKUN", null,
                new BigDecimal("100.00"));
        var roster = new PensionPremiums.Roster("210422", 2026, new BigDecimal("100.00"), 16, 60,
                List.of("tier@2026-01-01", "min@2021-01-01", "age@2021-01-01"), List.of(entry, unknownAge), 0, 50, 2,
                new BigDecimal("200.00"), 1);

        var view = mapper.toView(roster);

        assertThat(values(view.items().get(0))).isEqualTo(values(entry));
        assertThat(values(view.items().get(1))).isEqualTo(values(unknownAge));
        // every field but the items (6), which are views of their own
        assertThat(values(view).subList(0, 6)).isEqualTo(values(roster).subList(0, 6));
        assertThat(values(view).subList(7, 12)).isEqualTo(values(roster).subList(7, 12));
    }
}
