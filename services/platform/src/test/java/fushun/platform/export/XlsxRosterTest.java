package fushun.platform.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxRosterTest {

    @Test
    void shouldKeepEveryStreamedRowWhenTheRosterIsLongerThanTheWindow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxRoster roster = XlsxRoster.open("名单")) {
            roster.header(List.of("编号", "金额（元）"));
            for (int i = 0; i < 1000; i++) {
                roster.row(List.of("第" + i + "号", new BigDecimal("12.50")));
            }
            roster.footer(List.of("合计", new BigDecimal("12500.00")));
            roster.footer(List.of("参数 v1"));
            assertThat(out.size()).as("nothing written before the roster is finished").isZero();
            roster.writeTo(out);
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("名单");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("第0号");
            assertThat(sheet.getRow(1000).getCell(0).getStringCellValue()).isEqualTo("第999号");
            assertThat(sheet.getRow(1000).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1001)).as("a blank row before the footer").isNull();
            assertThat(sheet.getRow(1002).getCell(1).getNumericCellValue()).isEqualTo(12500.0);
            assertThat(sheet.getRow(1003).getCell(0).getStringCellValue()).isEqualTo("参数 v1");
            assertThat(sheet.getLastRowNum()).isEqualTo(1003);
        }
    }

    @Test
    void shouldRefuseEntriesAfterTheFooterWhenMisused() throws Exception {
        try (XlsxRoster roster = XlsxRoster.open("名单")) {
            roster.header(List.of("编号"));
            roster.footer(List.of("合计"));
            assertThatThrownBy(() -> roster.row(List.of("迟到"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> roster.header(List.of("再来"))).isInstanceOf(IllegalStateException.class);
        }
    }
}
