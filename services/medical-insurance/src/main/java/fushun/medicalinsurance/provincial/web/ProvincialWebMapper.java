package fushun.medicalinsurance.provincial.web;

import fushun.medicalinsurance.provincial.ProvincialPull;
import fushun.medicalinsurance.provincial.web.ProvincialViews.CountyStateView;
import fushun.medicalinsurance.provincial.web.ProvincialViews.PullResultView;
import fushun.medicalinsurance.provincial.web.ProvincialViews.StatusView;
import org.mapstruct.Mapper;

/** Every view's property has the same name as its source's. */
@Mapper(componentModel = "spring")
interface ProvincialWebMapper {

    StatusView toView(ProvincialPull.Status status);

    CountyStateView toView(ProvincialPull.CountyState state);

    PullResultView toView(ProvincialPull.PullResult result);
}
