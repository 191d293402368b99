package dev.migsh.core.adopt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway stores for a SQL migration: a CRC32 over the file's lines, each
 * without its line ending, the byte order mark of the first line dropped, as a signed
 * int. Flyway's own {@code validate} compares it with the file, so a row migsh writes
 * must carry exactly this value.
 */
public final class FlywayChecksum {

	private static final char BOM = '\uFEFF';

	private FlywayChecksum() {
	}

	public static int of(String content) {
		CRC32 crc = new CRC32();
		try (BufferedReader lines = new BufferedReader(new StringReader(content))) {
			String line = lines.readLine();
			if (line != null && !line.isEmpty() && line.charAt(0) == BOM) {
				line = line.substring(1);
			}
			while (line != null) {
				crc.update(line.getBytes(StandardCharsets.UTF_8));
				line = lines.readLine();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return (int) crc.getValue();
	}

}
