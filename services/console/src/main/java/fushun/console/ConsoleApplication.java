package fushun.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The console: the web front for people, served behind the gateway. For now a start page that
 * says where things are; dashboards and the civil-affairs workbench come with issue 6.
 */
@SpringBootApplication
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
