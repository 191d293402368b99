package dev.migsh.shell;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import dev.migsh.core.ExitCode;

/**
 * The interactive loop on a JLine line reader: prompt, read, dispatch. Ctrl-C at the
 * prompt clears the line; Ctrl-C during a command cancels that command and keeps the
 * shell; Ctrl-D or {@code exit} leaves.
 */
public final class InteractiveShell {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final CommandDispatcher dispatcher;

	private final LineReader reader;

	private final PendingCount pending;

	public InteractiveShell(CommandDispatcher dispatcher, LineReader reader, PendingCount pending) {
		this.dispatcher = dispatcher;
		this.reader = reader;
		this.pending = pending;
	}

	public ExitCode run() {
		Terminal terminal = this.reader.getTerminal();
		boolean colour = Colour.enabled(terminal);
		boolean live = !Terminal.TYPE_DUMB.equals(terminal.getType())
				&& !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
		Output out = new Output(terminal.writer(), terminal.writer(), colour, live);
		Prompter prompter = new LineReaderPrompter(this.reader);
		ShellSession session = this.dispatcher.session();
		if (session.launch().transcript() != null) {
			try {
				out.transcribeTo(Transcript.open(session.launch().transcript(), session::secrets));
			}
			catch (RuntimeException ex) {
				return ErrorReporter.report(ex, out, session.secrets(), session.launch().verbose());
			}
		}
		try {
			session.database(prompter);
		}
		catch (RuntimeException ex) {
			ErrorReporter.report(ex, out, session.secrets(), session.launch().verbose());
		}
		for (String notice : session.drainNotices()) {
			out.println(out.style(Style.DIM, notice));
		}
		out.println(out.style(Style.DIM, "Type help for the commands, TAB to complete, Ctrl-D or exit to leave."));
		try (SignalGuard signals = SignalGuard.install(this.dispatcher.interrupts(), terminal)) {
			return loop(terminal, out, prompter, session, colour, signals);
		}
	}

	private ExitCode loop(Terminal terminal, Output out, Prompter prompter, ShellSession session, boolean colour,
			SignalGuard signals) {
		while (!session.exitRequested() && !signals.terminated()) {
			terminal.handle(Terminal.Signal.INT, signal -> this.dispatcher.interrupts().fire());
			String line;
			String prompt = PromptText.of(session, this.pending.count(session), colour);
			try {
				line = this.reader.readLine(prompt);
			}
			catch (UserInterruptException ex) {
				continue;
			}
			catch (EndOfFileException ex) {
				break;
			}
			if (line == null) {
				break;
			}
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			String typed = trimmed;
			out.transcript().ifPresent(t -> t.note("[" + LocalTime.now().format(CLOCK) + "] " + prompt + typed));
			this.dispatcher.executeTyped(trimmed, out, prompter);
		}
		out.stopTranscript();
		return signals.terminated() ? ExitCode.TERMINATED : ExitCode.OK;
	}

}
