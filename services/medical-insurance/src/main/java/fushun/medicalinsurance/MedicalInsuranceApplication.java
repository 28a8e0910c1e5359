package fushun.medicalinsurance;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The medical insurance bureau's service (医保局). */
@SpringBootApplication
public class MedicalInsuranceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MedicalInsuranceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
