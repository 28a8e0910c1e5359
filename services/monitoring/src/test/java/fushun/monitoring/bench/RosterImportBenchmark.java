package fushun.monitoring.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.monitoring.roster.ImportJob;
import fushun.monitoring.roster.RosterImports;
import fushun.platform.pii.ResidentIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.ServiceIntegrationTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test: a benchmark that imports a generated roster of {@code bench.households} households
 * (default 300,000; 1-5 members each) from .xlsx into a real PostgreSQL, then imports the roster
 * again with 1 % of the households changed (a member's labour capacity; every other one of those
 * also a newborn), and prints for each the time, the rate and the JVM's peak resident memory. Its name keeps it out of the normal test run:
 * {@code ./mvnw -pl services/monitoring -am verify -Dit.test=RosterImportBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.households=300000}
 */
@ServiceIntegrationTest
class RosterImportBenchmark {

    @Autowired RosterImports imports;

    @Test
    void importARosterOfACity() throws Exception {
        int households = Integer.getInteger("bench.households", 300_000);
        Path file = Files.createTempFile("roster-bench-", ".xlsx");
        long rows = write(file, households, false);
        System.out.printf("BENCH roster: %,d households, %,d rows, %,d bytes%n", households, rows, Files.size(file));

        ImportJob job = importTimed("bench.xlsx", file, "import");
        assertThat(job.status()).isEqualTo("DONE");
        assertThat(job.householdsRegistered()).isEqualTo(households);

        write(file, households, true);
        ImportJob again = importTimed("bench-changed.xlsx", file, "re-import, 1 % changed");
        assertThat(again.status()).isEqualTo("DONE");
        assertThat(again.householdsChanged()).isEqualTo((households + 99) / 100);
        assertThat(again.householdsUnchanged()).isEqualTo(households - (households + 99) / 100);
        Files.deleteIfExists(file);
    }

    private ImportJob importTimed(String name, Path file, String what) throws Exception {
        long start = System.nanoTime();
        ImportJob job;
        try (InputStream in = Files.newInputStream(file)) {
            job = imports.submit(name, in, "bench", Jurisdiction.of("210400"), false);
        }
        while (!"DONE".equals(job.status()) && !"FAILED".equals(job.status())) {
            Thread.sleep(1000);
            job = imports.find(job.id(), "bench", Jurisdiction.of("210400"));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("BENCH %s: status %s, %,d rows, %,d registered, %,d changed, %,d unchanged, %,d refused, %d s, "
                        + "%.0f households/s, peak RSS %d MiB (JVM max heap %d MiB)%n",
                what, job.status(), job.totalRows(), job.householdsRegistered(), job.householdsChanged(),
                job.householdsUnchanged(), job.householdsRefused(), took.toSeconds(),
                (job.householdsRegistered() + job.householdsChanged() + job.householdsUnchanged())
                        / Math.max(1.0, took.toMillis() / 1000.0),
                peakRssMiB(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return job;
    }

    /** Synthetic households across the three rural counties; ID numbers unique by construction. */
    private static long write(Path file, int households, boolean changeOnePercent) throws Exception {
        String[] villages = {"210422100201", "210422101201", "210423100201", "210423101201", "210421100201"};
        String[] header = {"户编号", "行政区划代码", "农户类别", "脱贫不享受政策户", "姓名", "身份证号", "与户主关系", "劳动能力"};
        long row = 0;
        long person = 0;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            workbook.setCompressTempFiles(true);
            var sheet = workbook.createSheet("花名册");
            var head = sheet.createRow((int) row++);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int h = 0; h < households; h++) {
                String village = villages[h % villages.length];
                int members = 1 + h % 5;
                boolean changed = changeOnePercent && h % 100 == 0;
                for (int m = 0; m < members; m++) {
                    var r = sheet.createRow((int) row++);
                    String labour = changed && m == 0 ? "部分" : m % 3 == 2 ? "无" : "有";
                    String[] cells = {"B" + h, village, m == 0 ? "边缘易致贫户" : "", "否", "基准" + h + "-" + m,
                            idNumber(village.substring(0, 6), person++, '9'), m == 0 ? "户主" : "家庭成员", labour};
                    for (int c = 0; c < cells.length; c++) {
                        r.createCell(c).setCellValue(cells[c]);
                    }
                }
                if (changed && h % 200 == 0) {
                    var r = sheet.createRow((int) row++);
                    String[] cells = {"B" + h, village, "", "否", "新生" + h, idNumber(village.substring(0, 6), h, '8'),
                            "子女", "无"};
                    for (int c = 0; c < cells.length; c++) {
                        r.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
        return row - 1;
    }

    /** Unique for (county, n, series): a birth day per 100 people, the series digit first in the sequence number. */
    private static String idNumber(String county, long n, char series) {
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(n / 100);
        String first17 = county + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + series + String.format("%02d", n % 100);
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

    private static long peakRssMiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
