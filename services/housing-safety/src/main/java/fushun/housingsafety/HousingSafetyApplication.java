package fushun.housingsafety;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The housing and construction bureau's service (住建局): housing safety. */
@SpringBootApplication
public class HousingSafetyApplication {

    public static void main(String[] args) {
        SpringApplication.run(HousingSafetyApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
