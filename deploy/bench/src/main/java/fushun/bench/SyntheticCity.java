package fushun.bench;

import fushun.platform.pii.ResidentIdNumbers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A made-up city, the same for the same seed and size: {@code households} households of one to
 * four members across the three rural counties (抚顺县, 新宾县, 清原县), and after them a pool of
 * one-member households for the latency run, each reserved for one settlement that crosses the
 * self-pay threshold. Nothing is held per household but the index of its first member: every
 * field is a function of (seed, index), so the roster is streamed to a file and a settlement
 * names a member by recomputing its ID number.
 *
 * <p>ID numbers pass the GB 11643 check character and belong to nobody: the sequence part is
 * {@code 9xx} (the synthetic series the tests use), the birth day steps once per 100 persons, so
 * (county, person) never repeats. Persons the registry does not know get county 210411 (an urban
 * district no household of the roster lives in). Names are drawn from common characters plus
 * the person's number; the latency pool's heads are {@code 时延户<n>} so the harness can find
 * their household ids on the bus.
 */
public final class SyntheticCity {

    static final String[] HEADER = {"户编号", "行政区划代码", "农户类别", "脱贫不享受政策户", "姓名", "身份证号", "与户主关系", "劳动能力"};
    static final String LATENCY_HEAD = "时延户";
    /** The county of persons with settlements but no household on the roster. */
    static final String UNKNOWN_COUNTY = "210411";

    private static final String[] COUNTIES = {"210421", "210422", "210423"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String GIVEN = "安宝春德东芳峰刚国海红华慧建杰金静娟军凯兰丽莲林玲敏明娜宁鹏平萍强秋荣瑞淑松涛婷伟文霞祥晓欣新秀雪艳燕阳英玉云珍志忠";
    /** Categories by weight (of 20): 脱贫户 12, 脱贫不稳定户 2, 边缘易致贫户 3, 突发严重困难户 1, 一般农户 2. */
    private static final String[] CATEGORIES = {"脱贫户", "脱贫户", "脱贫户", "脱贫户", "脱贫户", "脱贫户", "脱贫户",
            "脱贫户", "脱贫户", "脱贫户", "脱贫户", "脱贫户", "脱贫不稳定户", "脱贫不稳定户", "边缘易致贫户", "边缘易致贫户",
            "边缘易致贫户", "突发严重困难户", "一般农户", "一般农户"};

    private final long seed;
    private final int households;
    private final int latencyHouseholds;
    private final int[] firstPerson;
    private final LocalDate firstBirthday;

    public SyntheticCity(long seed, int households, int latencyHouseholds) {
        if (households < 1 || latencyHouseholds < 0) {
            throw new IllegalArgumentException("a city needs households");
        }
        this.seed = seed;
        this.households = households;
        this.latencyHouseholds = latencyHouseholds;
        int all = households + latencyHouseholds;
        firstPerson = new int[all + 1];
        for (int h = 0; h < all; h++) {
            firstPerson[h + 1] = firstPerson[h] + members(h);
        }
        // the seed moves the birthdays, so two seeds give two sets of ID numbers
        firstBirthday = LocalDate.of(1945, 1, 1).plusDays(Math.floorMod(mix(seed, -1), 3650));
        if (firstBirthday.plusDays(firstPerson[all] / 100 + 1).isAfter(LocalDate.of(2005, 1, 1))) {
            throw new IllegalArgumentException("too many persons for the birthday scheme: " + firstPerson[all]);
        }
    }

    public long seed() {
        return seed;
    }

    /** The city's households, without the latency pool. */
    public int households() {
        return households;
    }

    public int latencyHouseholds() {
        return latencyHouseholds;
    }

    /** Persons in the city's households (not the pool). */
    public int cityPersons() {
        return firstPerson[households];
    }

    /** Roster rows: one per member, the pool included. */
    public int rows() {
        return firstPerson[households + latencyHouseholds];
    }

    public int members(int household) {
        return household >= households ? 1 : 1 + (int) Math.floorMod(mix(seed, household), 4L);
    }

    public String village(int household) {
        if (household >= households) {
            return "210422100201"; // the pool: one village of 新宾镇
        }
        long m = mix(seed ^ 0x5bd1e995L, household);
        return COUNTIES[(int) Math.floorMod(m, 3L)] + (100 + Math.floorMod(m >>> 8, 10L)) + (201 + Math.floorMod(m >>> 16, 20L));
    }

    public String category(int household) {
        return household >= households ? "脱贫户" : CATEGORIES[(int) Math.floorMod(mix(seed ^ 0x27d4eb2fL, household), 20L)];
    }

    public String householdNumber(int household) {
        return "S" + seed + "-" + household;
    }

    /** The household of a person (binary search over first members). */
    public int householdOf(int person) {
        int lo = 0;
        int hi = households + latencyHouseholds - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstPerson[mid] <= person) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public int firstPerson(int household) {
        return firstPerson[household];
    }

    /** A member's ID number (county of its household). */
    public String idNumber(int person) {
        return idNumber(village(householdOf(person)).substring(0, 6), person);
    }

    /** Someone with settlements whom the registry does not know. */
    public String unknownIdNumber(int n) {
        return idNumber(UNKNOWN_COUNTY, n);
    }

    private String idNumber(String county, long n) {
        LocalDate birth = firstBirthday.plusDays(n / 100);
        String first17 = county + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + "9" + String.format("%02d", n % 100);
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

    public String name(int person) {
        int household = householdOf(person);
        if (household >= households) {
            return LATENCY_HEAD + (household - households);
        }
        long m = mix(seed ^ 0x165667b1L, person);
        return SURNAMES[(int) Math.floorMod(m, (long) SURNAMES.length)]
                + GIVEN.charAt((int) Math.floorMod(m >>> 8, (long) GIVEN.length()))
                + GIVEN.charAt((int) Math.floorMod(m >>> 20, (long) GIVEN.length()));
    }

    /** The pool's index of a latency household's head name, or -1. */
    static int latencyIndexOf(String headName) {
        if (headName == null || !headName.startsWith(LATENCY_HEAD)) {
            return -1;
        }
        try {
            return Integer.parseInt(headName.substring(LATENCY_HEAD.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The roster's row of one member as the import's columns. */
    String[] row(int household, int member) {
        int person = firstPerson[household] + member;
        String labour = household >= households ? "有"
                : switch ((int) Math.floorMod(mix(seed ^ 0x3c6ef372L, person), 6L)) {
                    case 0 -> "无";
                    case 1 -> "部分";
                    default -> "有";
                };
        return new String[] {householdNumber(household), village(household), member == 0 ? category(household) : "",
                member == 0 ? "否" : "", name(person), idNumber(person), member == 0 ? "户主" : "家庭成员", labour};
    }

    /** The whole roster, the pool last, as UTF-8 CSV (the import's own format); returns the rows written. */
    public long writeRoster(Path file) throws IOException {
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", HEADER));
            out.write('\n');
            for (int h = 0; h < households + latencyHouseholds; h++) {
                for (int m = 0; m < members(h); m++) {
                    out.write(String.join(",", row(h, m)));
                    out.write('\n');
                    rows++;
                }
            }
        }
        return rows;
    }

    /** A stable 64-bit mix of the seed and an index (SplitMix64's finaliser). */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
