package dev.migsh.shell;

/**
 * What a running command gets: its parsed arguments, where to write, whom to ask, the
 * session, and the Ctrl-C routing.
 */
public record Invocation(ParsedArgs args, Output out, Prompter prompter, ShellSession session, Interrupts interrupts) {

	/** True when the command should print JSON (its --json flag, or the global one). */
	public boolean json() {
		return this.args.flag("json") || this.session.launch().json();
	}

	/**
	 * True when confirmations were given in advance (its --yes flag, or the global one).
	 */
	public boolean yes() {
		return this.args.flag("yes") || this.session.launch().yes();
	}

}
