package dev.migsh.app;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import org.jline.reader.LineReader;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.Colour;
import dev.migsh.shell.CommandDispatcher;
import dev.migsh.shell.ErrorReporter;
import dev.migsh.shell.InteractiveShell;
import dev.migsh.shell.LaunchOptions;
import dev.migsh.shell.Output;
import dev.migsh.shell.PendingCount;
import dev.migsh.shell.Prompter;
import dev.migsh.shell.ScriptRunner;
import dev.migsh.shell.ShellSession;
import dev.migsh.shell.SignalGuard;
import dev.migsh.shell.Transcript;
import dev.migsh.shell.Word;

/**
 * The one runner: decides at run time (never at build time, which Spring AOT would
 * freeze) between the interactive shell, a one-shot command and a script, and keeps the
 * exit code. Spring Shell's own runner is replaced because it loses exit codes and
 * ignores arguments.
 */
@Component
public class MigshRunner implements ApplicationRunner, ExitCodeGenerator {

	private final LaunchOptions launch;

	private final CommandDispatcher dispatcher;

	private final ObjectProvider<LineReader> lineReader;

	private final PendingCount pending;

	private ExitCode exitCode = ExitCode.OK;

	public MigshRunner(LaunchOptions launch, CommandDispatcher dispatcher, ObjectProvider<LineReader> lineReader,
			PendingCount pending) {
		this.launch = launch;
		this.dispatcher = dispatcher;
		this.lineReader = lineReader;
		this.pending = pending;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.launch.mode() == LaunchOptions.Mode.INTERACTIVE) {
			this.exitCode = new InteractiveShell(this.dispatcher, this.lineReader.getObject(), this.pending).run();
			this.dispatcher.session().close();
			return;
		}
		Output out = output();
		ShellSession session = this.dispatcher.session();
		try {
			if (this.launch.transcript() != null) {
				out.transcribeTo(Transcript.open(this.launch.transcript(), session::secrets));
			}
			this.exitCode = switch (this.launch.mode()) {
				case ONE_SHOT -> withSignals(() -> this.dispatcher
					.execute(this.launch.command().stream().map(Word::plain).toList(), out, Prompter.NONE));
				default -> withSignals(() -> new ScriptRunner(this.dispatcher).run(this.launch.script(),
						this.launch.scriptOptions(), out, Prompter.NONE));
			};
		}
		catch (RuntimeException ex) {
			this.exitCode = ErrorReporter.report(ex, out, session.secrets(), this.launch.verbose());
		}
		finally {
			out.stopTranscript();
			session.close();
		}
	}

	private ExitCode withSignals(java.util.function.Supplier<ExitCode> body) {
		try (SignalGuard guard = SignalGuard.install(this.dispatcher.interrupts())) {
			ExitCode code = body.get();
			return guard.terminated() ? ExitCode.TERMINATED : code;
		}
	}

	private static Output output() {
		boolean terminal = Colour.stdoutIsTerminal();
		return new Output(MigshApplication.stdout(), MigshApplication.stderr(), terminal, terminal);
	}

	@Override
	public int getExitCode() {
		return this.exitCode.code();
	}

}
