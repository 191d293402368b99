package dev.migsh.core.connect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as libpq reads it: {@code +} is a plus, not a space.
 */
final class PercentEncoding {

	private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";

	private PercentEncoding() {
	}

	static String encode(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (c < 128 && UNRESERVED.indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append('%')
					.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
			}
		}
		return out.toString();
	}

	/** Decodes {@code %XX} escapes; throws IllegalArgumentException on a broken one. */
	static String decode(String text) {
		if (text.indexOf('%') < 0) {
			return text;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length()) {
					throw new IllegalArgumentException("a % escape is cut short");
				}
				int high = Character.digit(text.charAt(i + 1), 16);
				int low = Character.digit(text.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					throw new IllegalArgumentException("a % is not followed by two hex digits");
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
					encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
					i++;
				}
				bytes.writeBytes(encoded);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
