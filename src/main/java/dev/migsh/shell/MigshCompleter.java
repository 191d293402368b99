package dev.migsh.shell;

import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;

/**
 * TAB completion from each command's {@link CommandSpec}: command names, option names not
 * yet given, option values, and positional arguments (Spring Shell 4.0.1 completes no
 * positional argument: its completer looks the whole line up as a command name).
 */
public final class MigshCompleter extends CommandCompleter {

	private final CommandDispatcher dispatcher;

	private final CompletionSource source;

	public MigshCompleter(CommandRegistry registry, CommandDispatcher dispatcher, CompletionSource source) {
		super(registry);
		this.dispatcher = dispatcher;
		this.source = source;
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		candidates.addAll(candidates(line.words(), line.wordIndex()).stream()
			.map(v -> new Candidate(v, v, null, null, null, null, !v.endsWith("/") && !v.endsWith("=")))
			.toList());
	}

	/**
	 * The values offered for the word at {@code index}; JLine filters them by the typed
	 * prefix.
	 */
	public List<String> candidates(List<String> words, int index) {
		if (index <= 0) {
			return this.dispatcher.commands()
				.stream()
				.flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c.getName()),
						c.getAliases().stream()))
				.sorted()
				.toList();
		}
		MigshCommand command;
		try {
			command = this.dispatcher.find(words.get(0));
		}
		catch (RuntimeException ex) {
			return List.of();
		}
		CommandSpec spec = command.spec();
		String current = index < words.size() ? words.get(index) : "";
		String previous = words.get(index - 1);
		if (previous.startsWith("--")) {
			var option = spec.option(previous.substring(2));
			if (option.isPresent() && option.get().takesValue()) {
				return this.source.values(option.get().completion(), current);
			}
		}
		if (current.startsWith("--") && current.contains("=")) {
			String name = current.substring(2, current.indexOf('='));
			return spec.option(name)
				.map(o -> this.source.values(o.completion(), current.substring(current.indexOf('=') + 1))
					.stream()
					.map(v -> "--" + name + "=" + v)
					.toList())
				.orElse(List.of());
		}
		List<String> options = spec.options()
			.stream()
			.filter(o -> !words.subList(1, index).contains("--" + o.name()))
			.map(o -> "--" + o.name())
			.toList();
		if (current.startsWith("-")) {
			return options;
		}
		int position = positionalIndex(spec, words, index);
		List<String> values = new java.util.ArrayList<>();
		if (position < spec.arguments().size()) {
			values.addAll(this.source.values(spec.arguments().get(position).completion(), current));
		}
		if (current.isEmpty() || values.isEmpty()) {
			values.addAll(options);
		}
		return values;
	}

	private static int positionalIndex(CommandSpec spec, List<String> words, int index) {
		int position = 0;
		for (int i = 1; i < index; i++) {
			String w = words.get(i);
			if (w.startsWith("--")) {
				var option = spec.option(w.substring(2).replaceFirst("=.*", ""));
				if (option.isPresent() && option.get().takesValue() && !w.contains("=")) {
					i++;
				}
			}
			else {
				position++;
			}
		}
		return position;
	}

}
