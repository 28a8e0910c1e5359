package fushun.medicalinsurance.premium.web;

import static fushun.platform.testsupport.RecordShapes.names;
import static fushun.platform.testsupport.RecordShapes.values;
import static org.assertj.core.api.Assertions.assertThat;

import fushun.medicalinsurance.premium.PremiumSubsidies;
import fushun.medicalinsurance.premium.PremiumSubsidyRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mapstruct.factory.Mappers;

class PremiumViewsTest {

    private final PremiumWebMapper mapper = Mappers.getMapper(PremiumWebMapper.class);

    /** The API's JSON fields are the views' components: the same names, in the same order, as before. */
    @Test
    void shouldKeepTheApisFieldNamesWhenAnsweringWithAView() {
        assertThat(names(PremiumViews.RosterView.class)).isEqualTo(names(PremiumSubsidies.Roster.class));
        assertThat(names(PremiumViews.EntryView.class)).isEqualTo(names(PremiumSubsidies.Entry.class));
    }

    @Test
    void shouldCopyThePageAndEveryEntryWhenMappingARoster() {
        var full = new PremiumSubsidies.Entry("210422100201", UUID.randomUUID(), "210422********9017",
                PremiumSubsidyRule.Kind.FULL, "低保对象", new BigDecimal("380.00"));
        var share = new PremiumSubsidies.Entry("210422100201", UUID.randomUUID(), "210422********1234",
                PremiumSubsidyRule.Kind.TRANSITION, "脱贫人口（过渡期）", new BigDecimal("190.00"));
        var roster = new PremiumSubsidies.Roster("210422", 2026, new BigDecimal("380.00"), new BigDecimal("0.5"),
                "medical.premium.individual@2026, medical.premium.transition-share@2026", List.of(full, share), 0, 2,
                7, new BigDecimal("1900.00"));

        var view = mapper.toView(roster);

        assertThat(view.items()).hasSize(2);
        assertThat(values(view.items().get(0))).isEqualTo(values(full));
        assertThat(values(view.items().get(1))).isEqualTo(values(share));
        List<Object> rest = new ArrayList<>(values(view));
        List<Object> before = new ArrayList<>(values(roster));
        rest.remove(5); // the items, compared above
        before.remove(5);
        assertThat(rest).isEqualTo(before);
    }
}
