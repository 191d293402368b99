package dev.migsh.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The values TAB offers for an argument: command names, table names, migration ids by
 * state, files. Values that come from the database are read once and kept until the next
 * command runs (a command may change them), so TAB answers at once.
 */
public final class CompletionSource {

	private final ShellSession session;

	private final Function<Completion, List<String>> migrationIds;

	private final Map<Completion, List<String>> cache = new ConcurrentHashMap<>();

	private volatile List<String> commandNames = List.of();

	public CompletionSource(ShellSession session, Function<Completion, List<String>> migrationIds) {
		this.session = session;
		this.migrationIds = migrationIds;
	}

	public void commandNames(List<String> names) {
		this.commandNames = List.copyOf(names);
	}

	/** Forgets what was read from the database; the next TAB reads it again. */
	public void invalidate() {
		this.cache.clear();
	}

	public List<String> values(Completion kind, String typed) {
		return switch (kind) {
			case NONE -> List.of();
			case COMMANDS -> this.commandNames;
			case ENVIRONMENTS -> List.of("development", "staging", "production");
			case FILES -> files(typed);
			case TARGETS -> this.session.project().targets().keySet().stream().sorted().toList();
			case TABLES -> cached(kind, this::tableNames);
			case PENDING_MIGRATIONS, APPLIED_MIGRATIONS, ALL_MIGRATIONS ->
				cached(kind, () -> this.migrationIds.apply(kind));
		};
	}

	private List<String> cached(Completion kind, java.util.function.Supplier<List<String>> read) {
		if (!this.session.connected()) {
			return List.of();
		}
		return this.cache.computeIfAbsent(kind, k -> {
			try {
				return List.copyOf(read.get());
			}
			catch (RuntimeException ex) {
				// completion must never break the prompt; an unreadable list completes to
				// nothing
				return List.of();
			}
		});
	}

	private List<String> tableNames() {
		return this.session.migrator(Prompter.NONE).tableNames();
	}

	private static List<String> files(String typed) {
		String prefix = typed == null ? "" : typed;
		int slash = prefix.lastIndexOf('/');
		Path dir = slash >= 0 ? Path.of(prefix.substring(0, slash + 1)) : Path.of(".");
		String head = slash >= 0 ? prefix.substring(0, slash + 1) : "";
		List<String> out = new ArrayList<>();
		try (Stream<Path> entries = Files.list(dir)) {
			entries.filter(p -> !p.getFileName().toString().startsWith("."))
				.forEach(p -> out.add(head + p.getFileName() + (Files.isDirectory(p) ? "/" : "")));
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
		return out;
	}

}
