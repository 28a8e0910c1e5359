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
 * (default 300,000; 1-5 members each) from .xlsx into a real PostgreSQL and prints the time, the
 * rate and the JVM's peak resident memory. Its name keeps it out of the normal test run:
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
        long rows = write(file, households);
        System.out.printf("BENCH roster: %,d households, %,d rows, %,d bytes%n", households, rows, Files.size(file));

        long start = System.nanoTime();
        ImportJob job;
        try (InputStream in = Files.newInputStream(file)) {
            job = imports.submit("bench.xlsx", in, "bench", Jurisdiction.of("210400"));
        }
        while (!"DONE".equals(job.status()) && !"FAILED".equals(job.status())) {
            Thread.sleep(2000);
            job = imports.find(job.id(), "bench", Jurisdiction.of("210400"));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Files.deleteIfExists(file);

        System.out.printf("BENCH import: status %s, %,d registered, %,d rejected rows, %d s, %.0f households/s, "
                        + "peak RSS %d MiB (JVM max heap %d MiB)%n",
                job.status(), job.householdsRegistered(), job.rejectedRows(), took.toSeconds(),
                job.householdsRegistered() / Math.max(1.0, took.toMillis() / 1000.0), peakRssMiB(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        assertThat(job.status()).isEqualTo("DONE");
        assertThat(job.householdsRegistered()).isEqualTo(households);
    }

    /** Synthetic households across the three rural counties; ID numbers unique by construction. */
    private static long write(Path file, int households) throws Exception {
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
                for (int m = 0; m < members; m++) {
                    var r = sheet.createRow((int) row++);
                    String[] cells = {"B" + h, village, m == 0 ? "边缘易致贫户" : "", "否", "基准" + h + "-" + m,
                            idNumber(village.substring(0, 6), person++), m == 0 ? "户主" : "家庭成员", m % 3 == 2 ? "无" : "有"};
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

    private static String idNumber(String county, long n) {
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(n / 100);
        String first17 = county + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + "9" + String.format("%02d", n % 100);
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
