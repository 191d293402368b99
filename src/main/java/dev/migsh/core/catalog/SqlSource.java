package dev.migsh.core.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migsh.core.MigshException;

/**
 * Reads a migration file as strict UTF-8 text, normalised like {@link Checksums}; refuses
 * bytes that are not text rather than guessing at them.
 */
final class SqlSource {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private SqlSource() {
	}

	static String read(Path file) {
		byte[] bytes;
		try {
			long size = Files.size(file);
			if (size > MAX_BYTES) {
				throw new MigshException(
						String.format("%s is %.1f MiB; migration files are limited to 10 MiB", file,
								size / (1024.0 * 1024.0)),
						"split it into smaller migrations, or load bulk data outside migrations (psql \\copy)");
			}
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new MigshException("cannot read " + file + ": " + ex.getMessage(),
					"check that the file exists and is readable", ex);
		}
		String text = Checksums.normalise(decode(file, bytes));
		int nul = text.indexOf('\0');
		if (nul >= 0) {
			LineMap lines = new LineMap(text, 1);
			throw new MigrationFileException(file, lines.line(nul), lines.column(nul), "NUL byte in a migration file",
					"this looks like a binary file; migrations must be UTF-8 text");
		}
		return text;
	}

	private static String decode(Path file, byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int bad = in.position();
			String before = Checksums.normalise(new String(bytes, 0, bad, StandardCharsets.UTF_8));
			LineMap lines = new LineMap(before, 1);
			throw new MigrationFileException(file, lines.line(before.length()), lines.column(before.length()),
					String.format("invalid UTF-8 (byte 0x%02X at offset %d)", bytes[bad] & 0xFF, bad),
					"save the file as UTF-8 (it may be in Latin-1 or Windows-1252)");
		}
		decoder.flush(out);
		out.flip();
		return out.toString();
	}

}
