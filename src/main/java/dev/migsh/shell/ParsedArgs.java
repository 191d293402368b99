package dev.migsh.shell;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.migsh.core.UsageException;

/**
 * A command line after strict parsing: the flags present, the option values and the
 * positional arguments by name. Only declared names can be in it. A repeatable option
 * keeps every value in {@code repeated}, and its last one in {@code values}.
 */
public record ParsedArgs(String command, Set<String> flags, Map<String, String> values, Map<String, String> arguments,
		Map<String, List<String>> repeated) {

	public ParsedArgs {
		flags = Set.copyOf(flags);
		values = Map.copyOf(values);
		arguments = Map.copyOf(arguments);
		Map<String, List<String>> lists = new java.util.HashMap<>();
		repeated.forEach((name, given) -> lists.put(name, List.copyOf(given)));
		repeated = Map.copyOf(lists);
	}

	public ParsedArgs(String command, Set<String> flags, Map<String, String> values, Map<String, String> arguments) {
		this(command, flags, values, arguments, Map.of());
	}

	public boolean flag(String name) {
		return this.flags.contains(name);
	}

	public Optional<String> value(String name) {
		return Optional.ofNullable(this.values.get(name));
	}

	public Optional<String> argument(String name) {
		return Optional.ofNullable(this.arguments.get(name));
	}

	public String requiredArgument(String name) {
		return argument(name).orElseThrow(
				() -> new UsageException(this.command + ": missing " + name, "see 'help " + this.command + "'"));
	}

	/** Every value of a repeatable option, in the order given; empty when absent. */
	public List<String> values(String name) {
		return this.repeated.getOrDefault(name, List.of());
	}

	/**
	 * A duration option such as {@code 5s}, {@code 500ms}, {@code 2m} or plain seconds.
	 */
	public Optional<Duration> duration(String name) {
		return value(name).map(v -> Durations.parse(v, "--" + name));
	}

	List<String> names() {
		return List.copyOf(this.values.keySet());
	}

}
