package fushun.medicalinsurance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The medical insurance bureau's service (医保局). */
@SpringBootApplication
public class MedicalInsuranceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MedicalInsuranceApplication.class, args);
    }
}
