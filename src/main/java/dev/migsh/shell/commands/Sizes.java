package dev.migsh.shell.commands;

import java.util.Locale;

/** Byte counts as people read them: 8192 bytes, 16 kB, 1.5 MB (like pg_size_pretty). */
final class Sizes {

	private Sizes() {
	}

	static String human(long bytes) {
		if (bytes < 10 * 1024) {
			return bytes + " bytes";
		}
		String[] units = { "kB", "MB", "GB", "TB" };
		double v = bytes;
		int u = -1;
		while (v >= 10 * 1024 && u < units.length - 1) {
			v /= 1024;
			u++;
		}
		return String.format(Locale.ROOT, "%d %s", Math.round(v), units[u]);
	}

}
