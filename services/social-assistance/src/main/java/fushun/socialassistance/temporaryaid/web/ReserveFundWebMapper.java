package fushun.socialassistance.temporaryaid.web;

import fushun.platform.web.Page;
import fushun.socialassistance.temporaryaid.ReserveFunds;
import fushun.socialassistance.temporaryaid.web.ReserveFundViews.FundView;
import fushun.socialassistance.temporaryaid.web.ReserveFundViews.MovementView;
import fushun.socialassistance.temporaryaid.web.ReserveFundViews.PayoutTakenView;
import java.util.List;
import org.mapstruct.Mapper;

/** Every view's property has the same name as its source's. */
@Mapper(componentModel = "spring")
interface ReserveFundWebMapper {

    FundView toView(ReserveFunds.Fund fund);

    MovementView toView(ReserveFunds.Movement movement);

    List<MovementView> toMovementViews(List<ReserveFunds.Movement> movements);

    PayoutTakenView toView(ReserveFunds.PayoutTaken taken);

    default Page<MovementView> toMovementPage(Page<ReserveFunds.Movement> page) {
        return new Page<>(toMovementViews(page.items()), page.page(), page.size(), page.total());
    }
}
