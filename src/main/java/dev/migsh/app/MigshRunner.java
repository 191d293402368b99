package dev.migsh.app;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import org.jline.reader.LineReader;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.CommandDispatcher;
import dev.migsh.shell.InteractiveShell;
import dev.migsh.shell.LaunchOptions;
import dev.migsh.shell.PendingCount;

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
		this.exitCode = OneShotRun.run(this.launch, this.dispatcher);
	}

	@Override
	public int getExitCode() {
		return this.exitCode.code();
	}

}
