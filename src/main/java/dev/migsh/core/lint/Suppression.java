package dev.migsh.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsh.core.catalog.SqlToken;

/**
 * An inline acknowledgement,
 * {@code -- migsh:allow DL-02 because the column is unused since v3}, written in (or just
 * before) the statement it covers. Several ids may be listed, separated by commas or
 * spaces. Without a reason it suppresses nothing and is itself a finding (OP-12).
 */
public record Suppression(List<String> ruleIds, String reason, int line) {

	private static final Pattern ALLOW = Pattern.compile("migsh:allow\\b(.*)", Pattern.DOTALL);

	private static final Pattern ID = Pattern.compile("[A-Za-z]{2}-\\d{2}");

	private static final Pattern BECAUSE = Pattern.compile("(?i)\\bbecause\\b(.*)", Pattern.DOTALL);

	public Suppression {
		ruleIds = List.copyOf(ruleIds);
	}

	/** True when a reason was given: only then does the suppression take effect. */
	public boolean explained() {
		return !this.reason.isBlank();
	}

	public boolean covers(String ruleId) {
		return explained() && this.ruleIds.contains(ruleId);
	}

	/**
	 * The suppressions written in these comments; {@code lineOffset} turns a token line
	 * into a file line.
	 */
	public static List<Suppression> parse(List<SqlToken> comments, int lineOffset) {
		List<Suppression> found = new ArrayList<>();
		for (SqlToken comment : comments) {
			String text = comment.text();
			if (text.startsWith("/*")) {
				text = text.substring(2, text.length() - (text.endsWith("*/") ? 2 : 0));
			}
			Matcher allow = ALLOW.matcher(text);
			if (!allow.find()) {
				continue;
			}
			String rest = allow.group(1);
			Matcher because = BECAUSE.matcher(rest);
			String reason = "";
			if (because.find()) {
				reason = because.group(1).strip();
				rest = rest.substring(0, because.start());
			}
			List<String> ids = new ArrayList<>();
			for (String word : rest.split("[\\s,]+")) {
				if (!word.isEmpty()) {
					ids.add(ID.matcher(word).matches() ? word.toUpperCase(Locale.ROOT) : word);
				}
			}
			found.add(new Suppression(ids, reason, comment.line() + lineOffset));
		}
		return found;
	}

}
