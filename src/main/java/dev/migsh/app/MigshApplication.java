package dev.migsh.app;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.project.ProjectSettings;
import dev.migsh.shell.LaunchOptions;
import dev.migsh.shell.Output;

/**
 * The migsh executable. The command line is checked before Spring starts, so a usage
 * error costs no start-up time; then one runner decides between shell, one-shot and
 * script.
 */
@SpringBootApplication(scanBasePackages = "dev.migsh")
public class MigshApplication {

	public static void main(String[] args) {
		LaunchOptions launch = null;
		try {
			launch = LaunchOptions.parse(args, System.getenv());
			// a wrong project file or setting is reported before anything starts, as a
			// usage error
			ProjectSettings.resolve(launch.flags(), System.getenv(), Path.of("").toAbsolutePath());
			prepareSystemProperties(launch);
		}
		catch (MigshException ex) {
			Output out = new Output(stdout(), stderr(), false);
			out.error(ex.getMessage(), ex.hint());
			System.exit(ExitCode.USAGE.code());
		}
		if (launch.mode() != LaunchOptions.Mode.INTERACTIVE) {
			// a one-shot command or a script needs no terminal, no completion and no
			// context: the commands are made by hand (Commands.all)
			System.exit(OneShotRun.withoutSpring(launch).code());
		}
		if (System.getProperty("migsh.cds.training") != null) {
			OneShotRun.train(System.getProperty("migsh.cds.training"));
		}
		ConfigurableApplicationContext context = SpringApplication.run(MigshApplication.class, args);
		int code;
		try {
			code = SpringApplication.exit(context);
		}
		catch (IllegalStateException closed) {
			// a signal (SIGTERM, SIGHUP) closed the context from a shutdown hook while
			// the shell was ending: the JVM is exiting with that signal's status already
			return;
		}
		System.exit(code);
	}

	/**
	 * migsh's home (logs, sandbox, history) and the log level for stderr, read by
	 * logback-spring.xml.
	 */
	static void prepareSystemProperties(LaunchOptions launch) {
		String home = System.getenv("MIGSH_HOME");
		if (home == null || home.isBlank()) {
			home = userHome().resolve(".migsh").toString();
		}
		System.setProperty("migsh.home", home);
		System.setProperty("migsh.console.level", launch.verbose() ? "DEBUG" : "OFF");
	}

	/**
	 * The user's home: {@code $HOME} when set (so {@code HOME=/tmp/x migsh} keeps its
	 * files there), else what Java reads from the password database.
	 */
	static Path userHome() {
		String home = System.getenv("HOME");
		return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
	}

	static PrintWriter stdout() {
		return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
				true);
	}

	static PrintWriter stderr() {
		return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
				true);
	}

}
