package fushun.medicalinsurance.settlement;

import fushun.medicalinsurance.settlement.SettlementFeed.RowProblem;
import fushun.platform.pii.ResidentIdNumbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks a batch's rows before anything is stored: pure, so it is tested with tables. A
 * row's problems reject that row only.
 */
final class SettlementRows {

    /** Far above any real settlement, and within the columns' numeric(14, 2). */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000.00");

    /** A row as read ({@code record} null for an empty row) and what is wrong with it (nothing: it is good). */
    record Checked(SettlementRecord record, List<RowProblem> problems) {

        boolean good() {
            return problems.isEmpty();
        }
    }

    private SettlementRows() {
    }

    /** The row read and checked against the feed's counties and the day it arrives. */
    static Checked check(RawSettlement raw, Set<String> counties, LocalDate today) {
        SettlementRecord record = parse(raw);
        if (record == null) {
            return new Checked(null, List.of(new RowProblem("row", "空行")));
        }
        return new Checked(record, problemsOf(record, counties, today));
    }

    /** The row with its date and amounts read; what cannot be read is left empty, and reported as missing. */
    static SettlementRecord parse(RawSettlement raw) {
        if (raw == null) {
            return null;
        }
        return new SettlementRecord(raw.settlementId(), raw.idNumber(), raw.insuredCounty(), raw.hospital(),
                date(raw.settledOn()), amount(raw.totalCost()), amount(raw.policyRangeCost()),
                amount(raw.basicInsurancePaid()));
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal amount(String text) {
        try {
            return text == null ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<RowProblem> problemsOf(SettlementRecord r, Set<String> counties, LocalDate today) {
        List<RowProblem> problems = new ArrayList<>();
        if (r.settlementId() == null || r.settlementId().isBlank() || r.settlementId().length() > 64) {
            problems.add(new RowProblem("settlementId", "结算单号不能为空且不超过64个字符"));
        }
        if (!ResidentIdNumbers.isValid(r.idNumber())) {
            problems.add(new RowProblem("idNumber", "身份证号无效（应为18位，出生日期真实且不晚于今天，校验位正确）"));
        }
        if (r.insuredCounty() == null || !counties.contains(r.insuredCounty())) {
            problems.add(new RowProblem("insuredCounty", "参保地应为抚顺市的6位县区代码"));
        }
        if (r.hospital() == null || r.hospital().isBlank() || r.hospital().length() > 200) {
            problems.add(new RowProblem("hospital", "必须填写医疗机构，且不超过200个字符"));
        }
        if (r.settledOn() == null || r.settledOn().isAfter(today)) {
            problems.add(new RowProblem("settledOn", "结算日期必须填写，格式如 2026-03-12，且不能晚于今天"));
        }
        BigDecimal[] amounts = {r.totalCost(), r.policyRangeCost(), r.basicInsurancePaid()};
        boolean amountsPresent = true;
        for (BigDecimal amount : amounts) {
            if (amount == null || amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
                amountsPresent = false;
            }
        }
        if (!amountsPresent) {
            problems.add(new RowProblem("amounts", "金额必须填写为数字，不能为负数，最多两位小数，不超过一亿元"));
        } else if (r.policyRangeCost().compareTo(r.totalCost()) > 0 || r.basicInsurancePaid().compareTo(r.policyRangeCost()) > 0) {
            problems.add(new RowProblem("amounts", "应满足：基本医保支付 ≤ 政策范围内费用 ≤ 总费用"));
        }
        return problems;
    }
}
