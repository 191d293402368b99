package dev.migsh.shell;

/** The few text styles migsh uses, as ANSI SGR codes. */
public enum Style {

	BOLD("1"), DIM("2"), RED("31"), GREEN("32"), YELLOW("33"), BLUE("34"), MAGENTA("35"), CYAN("36"), BOLD_RED("1;31"),
	BOLD_GREEN("1;32"), BOLD_YELLOW("1;33");

	private final String sgr;

	Style(String sgr) {
		this.sgr = sgr;
	}

	public String apply(String text) {
		return "\u001b[" + this.sgr + "m" + text + "\u001b[0m";
	}

	/** Removes ANSI escape sequences, to measure or compare what a user sees. */
	public static String strip(String text) {
		return text.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
	}

}
