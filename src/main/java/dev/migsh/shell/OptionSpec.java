package dev.migsh.shell;

/**
 * A named option of a command: {@code --dry-run} (a flag) or {@code --to ID} (with a value).
 */
public record OptionSpec(String name, boolean takesValue, String valueName, String description, Completion completion) {

	public static OptionSpec flag(String name, String description) {
		return new OptionSpec(name, false, null, description, Completion.NONE);
	}

	public static OptionSpec value(String name, String valueName, String description) {
		return new OptionSpec(name, true, valueName, description, Completion.NONE);
	}

	public static OptionSpec value(String name, String valueName, String description, Completion completion) {
		return new OptionSpec(name, true, valueName, description, completion);
	}

	public String usage() {
		return this.takesValue ? "--" + this.name + " " + this.valueName : "--" + this.name;
	}

}
