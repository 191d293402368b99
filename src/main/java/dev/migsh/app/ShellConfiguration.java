package dev.migsh.app;

import org.jline.reader.History;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.autoconfigure.TerminalCustomizer;
import org.springframework.shell.core.command.CommandRegistry;

import dev.migsh.shell.CommandDispatcher;
import dev.migsh.shell.CompletionSource;
import dev.migsh.shell.Interrupts;
import dev.migsh.shell.LaunchOptions;
import dev.migsh.shell.MigrationIds;
import dev.migsh.shell.MigshCompleter;
import dev.migsh.shell.PendingCount;
import dev.migsh.shell.RedactingHistory;
import dev.migsh.shell.ShellSession;

/**
 * The shell's beans. Spring Shell provides the command registry, the JLine terminal and
 * line reader; migsh replaces its completer (positional arguments), its history (secrets
 * redacted) and its runner.
 */
@Configuration(proxyBeanMethods = false)
public class ShellConfiguration {

	@Bean
	LaunchOptions launchOptions(ApplicationArguments args) {
		return LaunchOptions.parse(args.getSourceArgs(), System.getenv());
	}

	@Bean(destroyMethod = "close")
	ShellSession shellSession(LaunchOptions launch) {
		return OneShotRun.session(launch);
	}

	@Bean
	Interrupts interrupts() {
		return new Interrupts();
	}

	@Bean
	CompletionSource completionSource(ShellSession session) {
		return new CompletionSource(session, kind -> MigrationIds.of(session, kind));
	}

	@Bean
	CommandDispatcher commandDispatcher(CommandRegistry registry, ShellSession session, Interrupts interrupts,
			CompletionSource completion) {
		return new CommandDispatcher(registry, session, interrupts, completion::invalidate);
	}

	@Bean
	PendingCount pendingCount() {
		return MigrationIds::pendingCount;
	}

	@Bean
	MigshCompleter commandCompleter(CommandRegistry registry, CommandDispatcher dispatcher,
			CompletionSource completion) {
		completion.commandNames(dispatcher.commands().stream().map(c -> c.getName()).toList());
		return new MigshCompleter(registry, dispatcher, completion);
	}

	@Bean
	History history() {
		return new RedactingHistory();
	}

	@Bean
	TerminalCustomizer terminalCustomizer() {
		// a dumb terminal is acceptable (ssh without -t, piped input): line input without
		// TAB
		return builder -> builder.dumb(true);
	}

}
