package dev.migsh.shell;

/**
 * One word of a typed command line: {@code raw} as typed (double quotes kept, so a SQL
 * identifier such as {@code "Order Items"} survives), {@code value} with all quoting
 * removed.
 */
public record Word(String raw, String value) {

	public static Word plain(String text) {
		return new Word(text, text);
	}

}
