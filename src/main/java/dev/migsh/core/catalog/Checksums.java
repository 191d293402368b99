package dev.migsh.core.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 checksums of migration text, taken after {@link #normalise normalising} so a
 * checkout with CRLF line endings or a byte order mark is not an edit.
 */
public final class Checksums {

	private Checksums() {
	}

	/** Lower-case hex SHA-256 of the normalised text's UTF-8 bytes. */
	public static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(normalise(text).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/** Strips a leading byte order mark and turns CRLF and lone CR into LF. */
	public static String normalise(String text) {
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		if (body.indexOf('\r') < 0) {
			return body;
		}
		return body.replace("\r\n", "\n").replace('\r', '\n');
	}

}
