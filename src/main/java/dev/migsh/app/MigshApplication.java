package dev.migsh.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The migsh executable: Spring Boot wiring around the shell and the core.
 */
@SpringBootApplication(scanBasePackages = "dev.migsh")
public class MigshApplication {

	public static void main(String[] args) {
		SpringApplication.run(MigshApplication.class, args);
	}

}
