package fushun.monitoring.roster;

import java.util.List;

/**
 * One member's row as read from the file, cells as text. {@code rowNumber} counts from 1 with the
 * header as row 1, as a spreadsheet shows it.
 */
public record RosterRow(int rowNumber, List<String> cells) {

    /** The columns, in order, with the header a file carries. */
    public enum Column {
        HOUSEHOLD("户编号"), DIVISION("行政区划代码"), CATEGORY("农户类别"), NOT_ENTITLED("脱贫不享受政策户"),
        NAME("姓名"), ID_NUMBER("身份证号"), RELATIONSHIP("与户主关系"), LABOUR("劳动能力");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    public String cell(Column column) {
        int i = column.ordinal();
        return i < cells.size() && cells.get(i) != null ? cells.get(i).trim() : "";
    }
}
