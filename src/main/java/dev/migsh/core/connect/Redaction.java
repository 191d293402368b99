package dev.migsh.core.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes passwords from text before it is shown or logged: each secret, in its plain and
 * its URL-encoded forms, becomes {@code ****}.
 */
public final class Redaction {

	// user:password@ in any scheme://, the password running to the last @ before the host
	private static final Pattern URL_USERINFO = Pattern.compile("(://[^:/@\\s]*:)[^\\s]*@");

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("([?&;](?:ssl)?password=)[^&\\s]*",
			Pattern.CASE_INSENSITIVE);

	private Redaction() {
	}

	/**
	 * The text with every occurrence of each secret, plain or URL-encoded, replaced by
	 * {@code ****}.
	 */
	public static String redact(String text, Secret... secrets) {
		if (text == null || secrets == null) {
			return text;
		}
		Set<String> forms = new LinkedHashSet<>();
		for (Secret secret : secrets) {
			if (secret == null || secret.reveal().isEmpty()) {
				continue;
			}
			String value = secret.reveal();
			forms.add(value);
			forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
			forms.add(PercentEncoding.encode(value));
			forms.add(PercentEncoding.encode(value).toLowerCase(Locale.ROOT));
		}
		// longest first, so a form never leaves a tail of a longer one behind
		String result = text;
		for (String form : forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
			result = result.replace(form, Secret.MASK);
		}
		return result;
	}

	/**
	 * The text with the password of every URL in it masked, both {@code user:password@}
	 * and a {@code password=} parameter; for URLs that could not be parsed.
	 */
	public static String redactUrlPasswords(String text) {
		if (text == null) {
			return null;
		}
		// parameters first, so an @ inside a password parameter is not taken for the
		// userinfo's end
		String masked = PASSWORD_PARAMETER.matcher(text)
			.replaceAll((m) -> Matcher.quoteReplacement(m.group(1) + Secret.MASK));
		return URL_USERINFO.matcher(masked).replaceAll((m) -> Matcher.quoteReplacement(m.group(1) + Secret.MASK + "@"));
	}

}
