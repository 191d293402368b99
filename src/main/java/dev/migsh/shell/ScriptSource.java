package dev.migsh.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.MigshException;
import dev.migsh.core.UsageException;

/**
 * The commands of a {@code .msh} file as written: blank lines and {@code #} comments
 * skipped, a line ending in a backslash joined with the next.
 */
final class ScriptSource {

	private ScriptSource() {
	}

	/** One command and the lines it spans, before variables are substituted. */
	record Entry(int line, int lastLine, String text) {
	}

	static List<Entry> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new UsageException("script " + file + " not found",
					"give the path of a .msh file, e.g. scripts/demo.msh");
		}
		catch (IOException ex) {
			throw new MigshException("cannot read script " + file + ": " + ex.getMessage(),
					"check the file exists and is readable UTF-8 text");
		}
		List<Entry> entries = new ArrayList<>();
		StringBuilder pending = null;
		int start = 0;
		for (int i = 0; i < lines.size(); i++) {
			String trimmed = lines.get(i).strip();
			if (pending == null && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
				continue;
			}
			if (pending == null) {
				pending = new StringBuilder();
				start = i + 1;
			}
			if (trimmed.endsWith("\\")) {
				pending.append(trimmed.substring(0, trimmed.length() - 1).strip()).append(' ');
				continue;
			}
			pending.append(trimmed);
			entries.add(new Entry(start, i + 1, pending.toString().strip()));
			pending = null;
		}
		if (pending != null) {
			throw new UsageException(file + ":" + start + ": the last line ends with a continuation backslash",
					"remove the trailing \\ or add the rest of the command");
		}
		return entries;
	}

}
