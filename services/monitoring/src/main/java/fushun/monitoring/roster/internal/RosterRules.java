package fushun.monitoring.roster.internal;

import fushun.contracts.HouseholdCategory;
import fushun.monitoring.household.NewHousehold;
import fushun.monitoring.roster.RosterRow;
import fushun.monitoring.roster.RosterRow.Column;
import fushun.platform.pii.ResidentIdNumbers;
import fushun.platform.web.ControlCharacters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a household's rows into a registration, or into row errors. Pure. */
public final class RosterRules {

    public record RowError(int row, String column, String reason) {
    }

    public record Parsed(NewHousehold household, List<RowError> errors) {
    }

    private static final Map<String, String> LABOUR = Map.of("有", "FULL", "完全", "FULL", "FULL", "FULL",
            "部分", "PARTIAL", "PARTIAL", "PARTIAL", "无", "NONE", "丧失", "NONE", "NONE", "NONE");

    private static final String HEAD = "户主";

    private RosterRules() {
    }

    /** The rows of one household (same 户编号, in file order); the first row's household fields count. */
    public static Parsed parse(List<RosterRow> rows) {
        List<RowError> errors = new ArrayList<>();
        RosterRow first = rows.get(0);
        String division = first.cell(Column.DIVISION);
        if (!division.matches("\\d{12}") || !division.startsWith("2104")) {
            errors.add(new RowError(first.rowNumber(), Column.DIVISION.header(), "应为抚顺市内12位村级行政区划代码"));
        }
        Optional<HouseholdCategory> category = category(first.cell(Column.CATEGORY));
        if (category.isEmpty()) {
            // the cell is not quoted back: with shifted columns it could be an ID number
            errors.add(new RowError(first.rowNumber(), Column.CATEGORY.header(),
                    "农户类别无法识别，应为 脱贫户、脱贫不稳定户、边缘易致贫户、突发严重困难户 或 一般农户"));
        }
        String flag = first.cell(Column.NOT_ENTITLED);
        if (!Set.of("", "是", "否").contains(flag)) {
            errors.add(new RowError(first.rowNumber(), Column.NOT_ENTITLED.header(), "应填写“是”或“否”"));
        }
        List<NewHousehold.NewMember> members = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        int heads = 0;
        for (RosterRow row : rows) {
            // any control character (the platform's one definition) refuses the row; the cell is never quoted back
            boolean controlCharacters = false;
            for (Column column : Column.values()) {
                if (ControlCharacters.inParameter(row.cell(column))) {
                    // the cell is not quoted back: it could hold an ID number
                    errors.add(new RowError(row.rowNumber(), column.header(), "含有不可见的控制字符"));
                    controlCharacters = true;
                }
            }
            if (controlCharacters) {
                continue;
            }
            if (!row.cell(Column.DIVISION).isEmpty() && !row.cell(Column.DIVISION).equals(division)) {
                errors.add(new RowError(row.rowNumber(), Column.DIVISION.header(), "同一户的行政区划代码不一致"));
            }
            String name = row.cell(Column.NAME);
            if (name.isEmpty() || name.length() > 50) {
                errors.add(new RowError(row.rowNumber(), Column.NAME.header(), "姓名不能为空且不超过50字"));
            }
            String idNumber = row.cell(Column.ID_NUMBER).toUpperCase();
            if (!ResidentIdNumbers.isValid(idNumber)) {
                errors.add(new RowError(row.rowNumber(), Column.ID_NUMBER.header(), "身份证号无效（应为18位，出生日期真实且不晚于今天，校验位正确）"));
            } else if (!numbers.add(idNumber)) {
                errors.add(new RowError(row.rowNumber(), Column.ID_NUMBER.header(), "身份证号在本户中重复"));
            }
            String relationship = row.cell(Column.RELATIONSHIP);
            if (relationship.length() > 20) {
                errors.add(new RowError(row.rowNumber(), Column.RELATIONSHIP.header(), "与户主关系不超过20字"));
            }
            if (HEAD.equals(relationship) && ++heads > 1) {
                errors.add(new RowError(row.rowNumber(), Column.RELATIONSHIP.header(), "一户只能有一名户主"));
            }
            String labour = LABOUR.get(row.cell(Column.LABOUR));
            if (labour == null) {
                errors.add(new RowError(row.rowNumber(), Column.LABOUR.header(), "劳动能力应为 有、部分 或 无"));
            }
            members.add(new NewHousehold.NewMember(name, idNumber, relationship.isEmpty() ? null : relationship, labour));
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new NewHousehold(division, category.orElseThrow(), "是".equals(flag), members), List.of());
    }

    static Optional<HouseholdCategory> category(String text) {
        return Arrays.stream(HouseholdCategory.values())
                .filter(c -> c.label().equals(text) || c.name().equalsIgnoreCase(text)).findFirst();
    }
}
