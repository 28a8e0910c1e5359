package fushun.housingsafety.appraisal.web;

import fushun.housingsafety.appraisal.AppraisalTasks;
import fushun.housingsafety.appraisal.Appraisals;
import fushun.housingsafety.appraisal.Renovations;
import fushun.housingsafety.appraisal.YearlyScreening;
import fushun.housingsafety.appraisal.web.AppraisalViews.AppraisalView;
import fushun.housingsafety.appraisal.web.AppraisalViews.RenovationView;
import fushun.housingsafety.appraisal.web.AppraisalViews.ScreeningView;
import fushun.housingsafety.appraisal.web.AppraisalViews.TaskView;
import fushun.platform.web.Page;
import java.util.List;
import org.mapstruct.Mapper;

/** Every view's property has the same name as its source's. */
@Mapper(componentModel = "spring")
interface AppraisalWebMapper {

    List<TaskView> toTaskViews(List<AppraisalTasks.Task> tasks);

    AppraisalView toView(Appraisals.Appraisal appraisal);

    List<AppraisalView> toAppraisalViews(List<Appraisals.Appraisal> appraisals);

    RenovationView toView(Renovations.Renovation renovation);

    List<RenovationView> toRenovationViews(List<Renovations.Renovation> renovations);

    ScreeningView toView(YearlyScreening.Screening screening);

    default Page<TaskView> toTaskPage(Page<AppraisalTasks.Task> page) {
        return new Page<>(toTaskViews(page.items()), page.page(), page.size(), page.total());
    }

    default Page<RenovationView> toRenovationPage(Page<Renovations.Renovation> page) {
        return new Page<>(toRenovationViews(page.items()), page.page(), page.size(), page.total());
    }
}
