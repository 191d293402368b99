package dev.migsh.shell.commands;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.shell.core.command.Command;

import dev.migsh.shell.MigshCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-shot path builds its commands by hand; the interactive shell gets them from
 * Spring's component scan. Both must know the same commands.
 */
class CommandsTest {

	@Test
	void theHandMadeListHoldsEveryCommandSpringRegisters() {
		// what @SpringBootApplication(scanBasePackages = "dev.migsh") registers as
		// commands
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
		Set<String> scanned = scanner.findCandidateComponents("dev.migsh")
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.filter(name -> isCommand(name))
			.collect(Collectors.toSet());
		Set<String> listed = Commands.all(() -> null)
			.stream()
			.map(c -> c.getClass().getName())
			.collect(Collectors.toSet());
		assertThat(scanned).hasSizeGreaterThan(20);
		assertThat(listed).isEqualTo(scanned);
	}

	@Test
	void everyListedCommandHasItsOwnName() {
		Set<String> names = new HashSet<>();
		for (MigshCommand command : Commands.all(() -> null)) {
			assertThat(names.add(command.getName())).as(command.getName()).isTrue();
		}
	}

	/** A command of the application (a test's own commands are left out). */
	private static boolean isCommand(String className) {
		try {
			Class<?> type = Class.forName(className);
			return Command.class.isAssignableFrom(type) && type.getProtectionDomain()
				.getCodeSource()
				.equals(Commands.class.getProtectionDomain().getCodeSource());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
