package fushun.medicalinsurance.feed.web;

import fushun.medicalinsurance.feed.FeedCompleteness;
import fushun.medicalinsurance.feed.web.FeedViews.CountyFeedView;
import fushun.medicalinsurance.feed.web.FeedViews.MonthFeedView;
import org.mapstruct.Mapper;

/** Every view's property has the same name as its source's. */
@Mapper(componentModel = "spring")
interface FeedWebMapper {

    MonthFeedView toView(FeedCompleteness.MonthFeed feed);

    CountyFeedView toView(FeedCompleteness.CountyFeed county);
}
