package dev.migsh.shell;

/**
 * A named option of a command: {@code --dry-run} (a flag) or {@code --to ID} (with a
 * value). A repeatable option ({@code --set A=1 --set B=2}) may be given more than once.
 */
public record OptionSpec(String name, boolean takesValue, String valueName, String description, Completion completion,
		boolean repeats) {

	public OptionSpec(String name, boolean takesValue, String valueName, String description, Completion completion) {
		this(name, takesValue, valueName, description, completion, false);
	}

	public static OptionSpec flag(String name, String description) {
		return new OptionSpec(name, false, null, description, Completion.NONE);
	}

	public static OptionSpec value(String name, String valueName, String description) {
		return new OptionSpec(name, true, valueName, description, Completion.NONE);
	}

	public static OptionSpec value(String name, String valueName, String description, Completion completion) {
		return new OptionSpec(name, true, valueName, description, completion);
	}

	public OptionSpec repeatable() {
		return new OptionSpec(this.name, this.takesValue, this.valueName, this.description, this.completion, true);
	}

	public String usage() {
		return this.takesValue ? "--" + this.name + " " + this.valueName : "--" + this.name;
	}

}
