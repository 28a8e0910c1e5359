package fushun.employment.labour.web;

import fushun.employment.labour.Labourers;
import fushun.employment.labour.web.LabourViews.PersonView;
import fushun.employment.labour.web.LabourViews.TrainingView;
import java.util.List;
import org.mapstruct.Mapper;

/** Every view's property has the same name as its source's. */
@Mapper(componentModel = "spring")
interface LabourWebMapper {

    PersonView toView(Labourers.Person person);

    List<PersonView> toPersonViews(List<Labourers.Person> people);

    TrainingView toView(Labourers.Training training);

    List<TrainingView> toTrainingViews(List<Labourers.Training> trainings);
}
