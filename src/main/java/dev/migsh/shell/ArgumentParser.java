package dev.migsh.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migsh.core.UsageException;

/**
 * Strict parsing of a command's words against its {@link CommandSpec}: an undeclared
 * option, a flag given a value, a missing value or an extra argument is a usage error,
 * never ignored (Spring Shell 4.0.1 silently ignores unknown options, so
 * {@code undo --dryrun true} would run for real).
 */
public final class ArgumentParser {

	private ArgumentParser() {
	}

	public static ParsedArgs parse(CommandSpec spec, List<Word> words) {
		Set<String> flags = new HashSet<>();
		Map<String, String> values = new HashMap<>();
		Map<String, String> arguments = new HashMap<>();
		Map<String, List<String>> repeated = new HashMap<>();
		int position = 0;
		boolean onlyArguments = false;
		for (int i = 0; i < words.size(); i++) {
			Word word = words.get(i);
			String text = word.value();
			if (!onlyArguments && text.equals("--")) {
				onlyArguments = true;
				continue;
			}
			if (!onlyArguments && text.startsWith("--") && text.length() > 2) {
				String name = text.substring(2);
				String inline = null;
				int eq = name.indexOf('=');
				if (eq >= 0) {
					inline = name.substring(eq + 1);
					name = name.substring(0, eq);
				}
				OptionSpec option = optionOrFail(spec, name);
				if (option.takesValue()) {
					String value = inline;
					if (value == null) {
						if (i + 1 >= words.size()) {
							throw new UsageException(spec.name() + ": option --" + name + " needs a value",
									"write " + spec.name() + " " + option.usage());
						}
						value = words.get(++i).value();
					}
					if (option.repeats()) {
						repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
						values.put(name, value);
					}
					else if (values.put(name, value) != null) {
						throw new UsageException(spec.name() + ": option --" + name + " given twice", "give it once");
					}
				}
				else {
					if (inline != null) {
						throw new UsageException(spec.name() + ": option --" + name + " takes no value",
								"write just --" + name);
					}
					flags.add(name);
				}
				continue;
			}
			if (!onlyArguments && text.startsWith("-") && text.length() > 1 && !isNumber(text)) {
				throw new UsageException(spec.name() + ": unknown option '" + text + "'", optionHint(spec, text));
			}
			if (position >= spec.arguments().size()) {
				throw new UsageException(spec.name() + ": unexpected argument '" + text + "'",
						"usage: " + spec.synopsis());
			}
			ArgSpec arg = spec.arguments().get(position++);
			arguments.put(arg.name(), arg.identifier() ? word.raw() : text);
		}
		for (ArgSpec arg : spec.arguments()) {
			if (arg.required() && !arguments.containsKey(arg.name())) {
				throw new UsageException(spec.name() + ": missing " + arg.name(), "usage: " + spec.synopsis());
			}
		}
		return new ParsedArgs(spec.name(), flags, values, arguments, repeated);
	}

	private static OptionSpec optionOrFail(CommandSpec spec, String name) {
		return spec.option(name)
			.orElseThrow(() -> new UsageException(spec.name() + ": unknown option '--" + name + "'",
					optionHint(spec, "--" + name)));
	}

	private static String optionHint(CommandSpec spec, String typed) {
		if (spec.options().isEmpty()) {
			return spec.name() + " takes no options; usage: " + spec.synopsis();
		}
		String bare = typed.replaceFirst("^-+", "");
		Optional<OptionSpec> closest = spec.options()
			.stream()
			.min(Comparator.comparingInt(o -> distance(o.name(), bare)));
		String all = spec.options().stream().map(o -> "--" + o.name()).collect(Collectors.joining(", "));
		if (closest.isPresent() && distance(closest.get().name(), bare) <= 2) {
			return "did you mean --" + closest.get().name() + "? options of " + spec.name() + ": " + all;
		}
		return "options of " + spec.name() + ": " + all;
	}

	private static boolean isNumber(String text) {
		return text.matches("-\\d+(\\.\\d+)?");
	}

	/** Levenshtein distance, for "did you mean". */
	static int distance(String a, String b) {
		int[] prev = new int[b.length() + 1];
		int[] cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			prev[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
			}
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}

}
