package dev.migsh.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

import dev.migsh.core.ExitCode;

/**
 * The shell without Spring: the real commands, dispatcher and session, with output
 * captured. Tests drive it the way the runners do.
 */
public final class ShellHarness implements AutoCloseable {

	public final ShellSession session;

	public final CommandDispatcher dispatcher;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	public final Output output = new Output(new PrintWriter(this.out, true), new PrintWriter(this.err, true), false);

	private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();

	public ShellHarness(Map<String, String> env, Path workingDir, Path home, String... launchArgs) {
		this(List.of(), env, workingDir, home, launchArgs);
	}

	/** A harness with extra commands, e.g. a test's own changing command. */
	public ShellHarness(List<? extends Command> extra, Map<String, String> env, Path workingDir, Path home,
			String... launchArgs) {
		LaunchOptions launch = LaunchOptions.parse(launchArgs, env);
		this.session = new ShellSession(launch, env, workingDir, home, home.resolve(".migsh"));
		// every @Component command of the shell, as the application wires them
		this.context.registerBean(ShellSession.class, () -> this.session);
		this.context.registerBean(CommandDispatcher.class,
				() -> new CommandDispatcher(
						new CommandRegistry(Set.copyOf(this.context.getBeansOfType(Command.class).values())),
						this.session, new Interrupts(), () -> {
						}));
		for (Command command : extra) {
			this.context.registerBean(command.getName() + "Extra", Command.class, () -> command);
		}
		this.context.scan("dev.migsh.shell.commands");
		this.context.refresh();
		this.dispatcher = this.context.getBean(CommandDispatcher.class);
	}

	/** A harness connected through MIGSH_URL to the given postgres:// URL. */
	public static ShellHarness connectedTo(String url, Path dir) {
		return new ShellHarness(env(url), dir, dir);
	}

	/**
	 * The environment connectedTo uses: MIGSH_URL, a user name and MIGSH_ENV=development.
	 */
	public static Map<String, String> env(String url) {
		Map<String, String> env = new HashMap<>();
		env.put("MIGSH_URL", url);
		env.put("USER", "tester");
		// a test server on localhost is development here; migsh alone would treat it as
		// production
		env.put("MIGSH_ENV", "development");
		return env;
	}

	public ExitCode run(String line) {
		return this.dispatcher.execute(line, this.output, Prompter.NONE);
	}

	/** A line typed at the interactive prompt: remembered for record when it succeeds. */
	public ExitCode type(String line) {
		return this.dispatcher.executeTyped(line, this.output, Prompter.NONE);
	}

	/**
	 * Runs a line with someone at the keyboard: {@code prompter} answers the questions.
	 */
	public ExitCode run(String line, Prompter prompter) {
		return this.dispatcher.execute(line, this.output, prompter);
	}

	public ExitCode script(Path file) {
		return new ScriptRunner(this.dispatcher).run(file, this.output, Prompter.NONE);
	}

	public ExitCode script(Path file, ScriptOptions options) {
		return new ScriptRunner(this.dispatcher).run(file, options, this.output, Prompter.NONE);
	}

	public String out() {
		return this.out.toString();
	}

	public String err() {
		return this.err.toString();
	}

	@Override
	public void close() {
		this.session.close();
		this.context.close();
	}

}
