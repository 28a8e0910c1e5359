package fushun.employment.posts.web;

import fushun.employment.pension.PensionPremiums;
import fushun.employment.posts.MonthlySubsidies;
import fushun.employment.posts.PostHires;
import fushun.employment.posts.WelfarePosts;
import fushun.employment.posts.web.PostViews.HoldingView;
import fushun.employment.posts.web.PostViews.MonthlySubsidyView;
import fushun.employment.posts.web.PostViews.PensionRosterView;
import fushun.employment.posts.web.PostViews.PostView;
import fushun.employment.posts.web.PostViews.SuggestionsView;
import fushun.platform.web.Page;
import java.util.List;
import org.mapstruct.Mapper;

/** Every view's property has the same name as its source's. */
@Mapper(componentModel = "spring")
interface PostWebMapper {

    PostView toView(WelfarePosts.Post post);

    List<PostView> toPostViews(List<WelfarePosts.Post> posts);

    HoldingView toView(PostHires.Holding holding);

    List<HoldingView> toHoldingViews(List<PostHires.Holding> holdings);

    MonthlySubsidyView toView(MonthlySubsidies.MonthlySubsidy subsidy);

    SuggestionsView toView(WelfarePosts.Suggestions suggestions);

    PensionRosterView toView(PensionPremiums.Roster roster);

    default Page<PostView> toPostPage(Page<WelfarePosts.Post> page) {
        return new Page<>(toPostViews(page.items()), page.page(), page.size(), page.total());
    }

    default Page<HoldingView> toHoldingPage(Page<PostHires.Holding> page) {
        return new Page<>(toHoldingViews(page.items()), page.page(), page.size(), page.total());
    }
}
