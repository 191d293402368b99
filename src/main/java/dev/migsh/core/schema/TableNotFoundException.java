package dev.migsh.core.schema;

import dev.migsh.core.MigshException;

/**
 * {@code describe} was given a name that is not a valid relation name, or that names no
 * table, view or materialized view.
 */
public class TableNotFoundException extends MigshException {

	private static final String HINT = "Run 'tables' to list them; write mixed-case or spaced names in double"
			+ " quotes, e.g. describe \"Order Items\".";

	private static final int SHOWN_LENGTH = 80;

	private final String requestedName;

	TableNotFoundException(String requestedName, String message, Throwable cause) {
		super(message, HINT, cause);
		this.requestedName = requestedName;
	}

	static TableNotFoundException notFound(String name) {
		return new TableNotFoundException(name, "No table, view or materialized view named " + shown(name) + ".", null);
	}

	static TableNotFoundException invalidName(String name, String reason, Throwable cause) {
		return new TableNotFoundException(name,
				shown(name) + " is not a valid table name" + (reason == null ? "." : " (" + reason + ")."), cause);
	}

	/** The name as it was typed. */
	public String requestedName() {
		return this.requestedName;
	}

	/** The name for a message: control characters made visible and the length capped. */
	static String shown(String name) {
		if (name == null) {
			return "(none)";
		}
		StringBuilder out = new StringBuilder("'");
		name.codePoints().limit(SHOWN_LENGTH).forEach((cp) -> {
			if (Character.isISOControl(cp)) {
				out.append(String.format("\\x%02x", cp));
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		out.append('\'');
		if (name.codePointCount(0, name.length()) > SHOWN_LENGTH) {
			out.append("... (").append(name.length()).append(" characters)");
		}
		return out.toString();
	}

}
