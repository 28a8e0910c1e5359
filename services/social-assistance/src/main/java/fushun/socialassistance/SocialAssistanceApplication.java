package fushun.socialassistance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The civil affairs bureau's service (民政局): social assistance and the operators' work queue. */
@SpringBootApplication
public class SocialAssistanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SocialAssistanceApplication.class, args);
    }
}
