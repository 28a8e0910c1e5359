package fushun.housingsafety;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The housing and construction bureau's service (住建局): housing safety. */
@SpringBootApplication
public class HousingSafetyApplication {

    public static void main(String[] args) {
        SpringApplication.run(HousingSafetyApplication.class, args);
    }
}
