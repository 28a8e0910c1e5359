package fushun.medicalinsurance.premium.web;

import fushun.medicalinsurance.premium.PremiumSubsidies;
import fushun.medicalinsurance.premium.web.PremiumViews.EntryView;
import fushun.medicalinsurance.premium.web.PremiumViews.RosterView;
import org.mapstruct.Mapper;

/** Every view's property has the same name as its source's. */
@Mapper(componentModel = "spring")
interface PremiumWebMapper {

    RosterView toView(PremiumSubsidies.Roster roster);

    EntryView toView(PremiumSubsidies.Entry entry);
}
