package dev.migsh.shell;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the shell knows about a command before running it: name, help, options and
 * positional arguments. The parser, completion and help all read it.
 */
public record CommandSpec(String name, String group, String description, String help, List<OptionSpec> options,
		List<ArgSpec> arguments) {

	public CommandSpec {
		options = List.copyOf(options);
		arguments = List.copyOf(arguments);
	}

	public static Builder builder(String name) {
		return new Builder(name);
	}

	public Optional<OptionSpec> option(String name) {
		return this.options.stream().filter(o -> o.name().equals(name)).findFirst();
	}

	public String synopsis() {
		String opts = this.options.stream().map(o -> "[" + o.usage() + "]").collect(Collectors.joining(" "));
		String args = this.arguments.stream().map(ArgSpec::usage).collect(Collectors.joining(" "));
		return (this.name + " " + args + " " + opts).replaceAll("\\s+", " ").trim();
	}

	public static final class Builder {

		private final String name;

		private String group = "Session";

		private String description = "";

		private String help = "";

		private final java.util.ArrayList<OptionSpec> options = new java.util.ArrayList<>();

		private final java.util.ArrayList<ArgSpec> arguments = new java.util.ArrayList<>();

		private Builder(String name) {
			this.name = name;
		}

		public Builder group(String group) {
			this.group = group;
			return this;
		}

		public Builder description(String description) {
			this.description = description;
			return this;
		}

		public Builder help(String help) {
			this.help = help;
			return this;
		}

		public Builder option(OptionSpec option) {
			this.options.add(option);
			return this;
		}

		public Builder argument(ArgSpec argument) {
			this.arguments.add(argument);
			return this;
		}

		public CommandSpec build() {
			return new CommandSpec(this.name, this.group, this.description, this.help, this.options, this.arguments);
		}

	}

}
