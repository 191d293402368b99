package dev.migsh.shell;

/**
 * A positional argument of a command. An {@code identifier} argument receives the word as
 * typed, double quotes included, so PostgreSQL can parse {@code "Order Items"} itself.
 */
public record ArgSpec(String name, boolean required, String description, Completion completion, boolean identifier) {

	public static ArgSpec required(String name, String description, Completion completion) {
		return new ArgSpec(name, true, description, completion, false);
	}

	public static ArgSpec optional(String name, String description, Completion completion) {
		return new ArgSpec(name, false, description, completion, false);
	}

	public ArgSpec asIdentifier() {
		return new ArgSpec(this.name, this.required, this.description, this.completion, true);
	}

	public String usage() {
		return this.required ? this.name : "[" + this.name + "]";
	}

}
