package fushun.medicalinsurance.settlement.web;

import fushun.medicalinsurance.settlement.YearToDate;
import fushun.medicalinsurance.settlement.web.YearToDateViews.HouseholdYearView;
import fushun.medicalinsurance.settlement.web.YearToDateViews.PersonYearView;
import org.mapstruct.Mapper;

/** Every view's property has the same name as its source's. */
@Mapper(componentModel = "spring")
interface YearToDateWebMapper {

    HouseholdYearView toView(YearToDate.HouseholdYear year);

    PersonYearView toView(YearToDate.PersonYear person);
}
