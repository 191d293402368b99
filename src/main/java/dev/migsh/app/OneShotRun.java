package dev.migsh.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.shell.core.command.CommandRegistry;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.Colour;
import dev.migsh.shell.CommandDispatcher;
import dev.migsh.shell.CompletionSource;
import dev.migsh.shell.ErrorReporter;
import dev.migsh.shell.Interrupts;
import dev.migsh.shell.LaunchOptions;
import dev.migsh.shell.MigrationIds;
import dev.migsh.shell.Output;
import dev.migsh.shell.Prompter;
import dev.migsh.shell.ScriptRunner;
import dev.migsh.shell.ShellSession;
import dev.migsh.shell.SignalGuard;
import dev.migsh.shell.Transcript;
import dev.migsh.shell.Word;
import dev.migsh.shell.commands.Commands;

/**
 * A one-shot command or a script: its output, transcript, Ctrl-C handling, error report
 * and exit code. The same run serves {@link MigshRunner} under Spring and
 * {@link #withoutSpring(LaunchOptions)}, which {@code main} uses so that a one-shot
 * command or a script starts no application context (half the start-up time).
 */
final class OneShotRun {

	private OneShotRun() {
	}

	/** The session every run mode starts with, from the launch options. */
	static ShellSession session(LaunchOptions launch) {
		Path userHome = MigshApplication.userHome();
		return new ShellSession(launch, System.getenv(), Path.of("").toAbsolutePath(), userHome,
				Path.of(System.getProperty("migsh.home", userHome.resolve(".migsh").toString())));
	}

	/**
	 * Wires by hand what {@link ShellConfiguration} wires under Spring for a run without
	 * a terminal, with every command of {@link Commands#all(Supplier)}, and runs.
	 */
	static ExitCode withoutSpring(LaunchOptions launch) {
		return withoutSpring(launch, session(launch));
	}

	private static ExitCode withoutSpring(LaunchOptions launch, ShellSession session) {
		prepareLogging();
		CompletionSource completion = new CompletionSource(session, kind -> MigrationIds.of(session, kind));
		CommandRegistry registry = new CommandRegistry();
		CommandDispatcher dispatcher = new CommandDispatcher(registry, session, new Interrupts(),
				completion::invalidate);
		Commands.all(() -> dispatcher).forEach(registry::registerCommand);
		return run(launch, dispatcher);
	}

	/**
	 * For the class-data archive the build records (and the launcher's JDK 25 AOT cache):
	 * loads what one-shot runs load before the interactive start that follows records the
	 * Spring side. Started with {@code -Dmigsh.cds.training=sandbox} (the build, in a
	 * migsh home of its own): {@code help}, {@code info} and {@code status} on the
	 * sandbox, then an apply, status and undo of two migrations of a folder of its own
	 * (the planner, its rules, pre-flight and the runner: a third of the classes an apply
	 * loads); with any other value (the launcher, on the user's machine): {@code help}
	 * and a {@code status} whose connection is refused. The process environment is not
	 * read: no configured database is ever touched.
	 */
	static void train(String mode) {
		if (!"sandbox".equals(mode)) {
			train(new String[][] { { "help" }, { "--url", "postgresql://127.0.0.1:1/training", "status" } });
			return;
		}
		train(new String[][] { { "help" }, { "info" }, { "status" } });
		Path folder = null;
		try {
			folder = Files.createTempDirectory("migsh-training");
			Files.writeString(folder.resolve("00001-create-training.sql"), """
					-- migrate:up
					CREATE TABLE cds_training (id bigint PRIMARY KEY, name text NOT NULL);
					CREATE INDEX cds_training_name ON cds_training (name);
					-- migrate:down
					DROP TABLE cds_training;
					""");
			Files.writeString(folder.resolve("00002-add-note.sql"), """
					-- migrate:up
					ALTER TABLE cds_training ADD COLUMN note text;
					UPDATE cds_training SET note = name;
					-- migrate:down
					ALTER TABLE cds_training DROP COLUMN note;
					""");
			String dir = folder.toString();
			train(new String[][] { { "--migrations", dir, "--yes", "apply" }, { "--migrations", dir, "status" },
					{ "--migrations", dir, "--yes", "undo", "--all" } });
		}
		catch (IOException ex) {
			// the archive only misses the apply path's classes
		}
		finally {
			deleteQuietly(folder);
		}
	}

	private static void train(String[][] runs) {
		for (String[] args : runs) {
			LaunchOptions launch = LaunchOptions.parse(args, Map.of());
			withoutSpring(launch, new ShellSession(launch, Map.of(), Path.of("").toAbsolutePath(),
					MigshApplication.userHome(), Path.of(System.getProperty("migsh.home"))));
		}
	}

	private static void deleteQuietly(Path folder) {
		if (folder == null) {
			return;
		}
		try (var files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary folder left behind
		}
	}

	/**
	 * What Spring Boot's logging system does at start, for a run without it: the
	 * configuration of logback-spring.xml (logs to $MIGSH_HOME/logs, nothing on stdout,
	 * stderr only with --verbose), and java.util.logging (the PostgreSQL driver's) routed
	 * into it.
	 */
	private static void prepareLogging() {
		OneShotLogging.configure((LoggerContext) LoggerFactory.getILoggerFactory(),
				System.getProperty("migsh.home", MigshApplication.userHome().resolve(".migsh").toString()),
				System.getProperty("migsh.console.level", "OFF"));
		java.util.logging.Logger root = java.util.logging.LogManager.getLogManager().getLogger("");
		for (java.util.logging.Handler handler : root.getHandlers()) {
			root.removeHandler(handler);
		}
		root.addHandler(new SLF4JBridgeHandler());
	}

	/** Runs the launch's command or script, then closes the session. */
	static ExitCode run(LaunchOptions launch, CommandDispatcher dispatcher) {
		Output out = output();
		ShellSession session = dispatcher.session();
		try {
			if (launch.transcript() != null) {
				out.transcribeTo(Transcript.open(launch.transcript(), session::secrets));
			}
			return switch (launch.mode()) {
				case ONE_SHOT -> withSignals(dispatcher, () -> dispatcher
					.execute(launch.command().stream().map(Word::plain).toList(), out, Prompter.NONE));
				default -> withSignals(dispatcher, () -> new ScriptRunner(dispatcher).run(launch.script(),
						launch.scriptOptions(), out, Prompter.NONE));
			};
		}
		catch (RuntimeException ex) {
			return ErrorReporter.report(ex, out, session.secrets(), launch.verbose());
		}
		finally {
			out.stopTranscript();
			session.close();
		}
	}

	private static ExitCode withSignals(CommandDispatcher dispatcher, Supplier<ExitCode> body) {
		try (SignalGuard guard = SignalGuard.install(dispatcher.interrupts())) {
			ExitCode code = body.get();
			return guard.terminated() ? ExitCode.TERMINATED : code;
		}
	}

	private static Output output() {
		boolean terminal = Colour.stdoutIsTerminal();
		return new Output(MigshApplication.stdout(), MigshApplication.stderr(), terminal, terminal);
	}

}
