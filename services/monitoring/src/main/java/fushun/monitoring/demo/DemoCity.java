package fushun.monitoring.demo;

import fushun.contracts.HouseholdCategory;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.RuleViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds a demo city on first start of the local platform: synthetic households in Fushun's real
 * counties (township and village codes below the county are illustrative). Made-up names; ID
 * numbers pass the check digit but belong to nobody. Does nothing if households exist.
 */
@Component
class DemoCity {

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

    /** Villages of the demo city: county code (DOMAIN.md) + township + village, with names. */
    static final List<String[]> VILLAGES = List.of(
            new String[] {"210422100201", "新宾满族自治县 新宾镇 示范一村"},
            new String[] {"210422100202", "新宾满族自治县 新宾镇 示范二村"},
            new String[] {"210422101201", "新宾满族自治县 永陵镇 示范村"},
            new String[] {"210422102201", "新宾满族自治县 旺清门镇 示范村"},
            new String[] {"210423100201", "清原满族自治县 清原镇 示范一村"},
            new String[] {"210423101201", "清原满族自治县 红透山镇 示范村"},
            new String[] {"210423102201", "清原满族自治县 草市镇 示范村"},
            new String[] {"210421100201", "抚顺县 石文镇 示范村"},
            new String[] {"210421101201", "抚顺县 后安镇 示范村"});

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "关", "佟"};
    private static final String[] GIVEN = {"示明", "示华", "示强", "示芳", "示军", "示丽", "示勇", "示秀", "示杰", "示娟", "示刚", "示英"};

    private final HouseholdRegistry registry;
    private final int households;

    DemoCity(HouseholdRegistry registry, @Value("${monitoring.demo.households:0}") int households) {
        this.registry = registry;
        this.households = households;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (households <= 0 || registry.count() > 0) {
            return;
        }
        Random random = new Random(2021);
        Jurisdiction city = Jurisdiction.of("210400");
        int registered = 0;
        for (int i = 0; i < households * 2 && registered < households; i++) {
            try {
                registry.register(household(random), city);
                registered++;
            } catch (RuleViolationException duplicateNumber) {
                // a generated number collided; draw another household
            }
        }
        log.info("Demo city seeded with {} synthetic households", registered);
    }

    private static NewHousehold household(Random random) {
        String[] village = VILLAGES.get(random.nextInt(VILLAGES.size()));
        String county = village[0].substring(0, 6);
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        int size = 1 + random.nextInt(5);
        List<NewHousehold.NewMember> members = new ArrayList<>();
        for (int m = 0; m < size; m++) {
            String relationship = m == 0 ? "户主" : m == 1 ? "配偶" : "子女";
            String labour = switch (random.nextInt(6)) {
                case 0 -> "NONE";
                case 1 -> "PARTIAL";
                default -> "FULL";
            };
            String name = (m == 1 ? SURNAMES[random.nextInt(SURNAMES.length)] : surname) + GIVEN[random.nextInt(GIVEN.length)];
            members.add(new NewHousehold.NewMember(name, SyntheticIdNumbers.next(random, county), relationship, labour));
        }
        int draw = random.nextInt(100);
        HouseholdCategory category = draw < 40 ? HouseholdCategory.OUT_OF_POVERTY
                : draw < 55 ? HouseholdCategory.UNSTABLE_OUT_OF_POVERTY
                : draw < 70 ? HouseholdCategory.MARGINAL
                : draw < 75 ? HouseholdCategory.SUDDEN_SEVERE_DIFFICULTY
                : HouseholdCategory.ORDINARY;
        boolean notEntitled = category == HouseholdCategory.OUT_OF_POVERTY && random.nextInt(20) == 0;
        return new NewHousehold(village[0], category, notEntitled, members);
    }
}
