package dev.migsh.shell;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

import dev.migsh.core.MigshException;

/**
 * Questions asked through the shell's JLine reader; secrets with echo off and never kept
 * in history.
 */
final class LineReaderPrompter implements Prompter {

	private final LineReader reader;

	LineReaderPrompter(LineReader reader) {
		this.reader = reader;
	}

	@Override
	public boolean interactive() {
		return true;
	}

	@Override
	public String readLine(String prompt) {
		try {
			return this.reader.readLine(prompt);
		}
		catch (UserInterruptException | EndOfFileException ex) {
			throw new MigshException("cancelled at the prompt", "nothing was changed");
		}
	}

	@Override
	public String readSecret(String prompt) {
		Object before = this.reader.getVariable(LineReader.DISABLE_HISTORY);
		this.reader.setVariable(LineReader.DISABLE_HISTORY, true);
		try {
			return this.reader.readLine(prompt, '\0');
		}
		catch (UserInterruptException | EndOfFileException ex) {
			throw new MigshException("cancelled at the password prompt", "nothing was changed");
		}
		finally {
			this.reader.setVariable(LineReader.DISABLE_HISTORY, before == null ? false : before);
		}
	}

}
