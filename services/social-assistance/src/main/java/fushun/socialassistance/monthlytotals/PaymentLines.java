package fushun.socialassistance.monthlytotals;

import fushun.contracts.feed.MonthlyTotals;
import fushun.socialassistance.benefits.PayrollTotals.ProgrammeTotal;
import fushun.socialassistance.benefits.Programme;
import fushun.socialassistance.temporaryaid.PayoutTotals.FundTotal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The lines of civil affairs' monthly totals, a pure rule: the payroll's programmes first (dibao,
 * then 特困), then each township fund's temporary aid in code order; fixed codes and the labels the
 * report prints, amounts in yuan to the fen. Persons are counted for the payroll only: temporary aid
 * is paid to a household.
 */
final class PaymentLines {

    /** The contract's longest label. */
    static final int LABEL_LIMIT = 60;
    static final String FUND_CODE_PREFIX = "TEMPORARY_AID:";
    private static final String FUND_LABEL_OPEN = "临时救助（";
    private static final String FUND_LABEL_CLOSE = "备用金）";

    private PaymentLines() {
    }

    /**
     * @param townshipNames the township names this service knows, by code; a fund whose name is not known is
     *                      labelled with its code
     */
    static List<MonthlyTotals.Item> of(List<ProgrammeTotal> programmes, List<FundTotal> funds,
                                       Map<String, String> townshipNames) {
        List<MonthlyTotals.Item> lines = new ArrayList<>();
        programmes.stream().sorted(Comparator.comparing(ProgrammeTotal::programme)).forEach(p -> lines.add(
                new MonthlyTotals.Item(p.programme().name(), label(p.programme()), p.households(), p.persons(),
                        yuan(p.amount()))));
        funds.stream().sorted(Comparator.comparing(FundTotal::townshipCode)).forEach(f -> lines.add(
                new MonthlyTotals.Item(FUND_CODE_PREFIX + f.townshipCode(),
                        fundLabel(f.townshipCode(), townshipNames.get(f.townshipCode())), f.households(), 0,
                        yuan(f.amount()))));
        return lines;
    }

    /** The name of the money as the report prints it: the payment, not the programme. */
    static String label(Programme programme) {
        return switch (programme) {
            case DIBAO -> "农村低保金";
            case TEKUN -> "特困供养金";
        };
    }

    /**
     * 临时救助（新宾镇备用金）, or with the township's code when its name is not known. Never longer than
     * the contract allows, counted in Java characters (readers check {@code String.length()}, which
     * counts a rare character twice), and never cut inside such a character.
     */
    static String fundLabel(String township, String name) {
        String shown = name == null || name.isBlank() ? township : name.strip();
        int room = LABEL_LIMIT - FUND_LABEL_OPEN.length() - FUND_LABEL_CLOSE.length();
        if (shown.length() > room) {
            int end = Character.isHighSurrogate(shown.charAt(room - 1)) ? room - 1 : room;
            shown = shown.substring(0, end);
        }
        return FUND_LABEL_OPEN + shown + FUND_LABEL_CLOSE;
    }

    private static BigDecimal yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
