package dev.migsh.shell.render;

/**
 * Byte counts written the way PostgreSQL's pg_size_pretty writes them ("8192 bytes", "16
 * kB", "1234 MB"), so sizes read the same here as in psql.
 */
public final class ByteSize {

	private static final String[] UNITS = { "kB", "MB", "GB", "TB", "PB" };

	private ByteSize() {
	}

	public static String format(long bytes) {
		if (Math.abs(bytes) < 10 * 1024) {
			return bytes + " bytes";
		}
		// like pg_size_pretty: keep one extra bit, then round half away from zero at the
		// end
		long size = bytes >> 9;
		for (int unit = 0; unit < UNITS.length; unit++) {
			if (unit == UNITS.length - 1 || Math.abs(size) < 20 * 1024 - 1) {
				return halfRounded(size) + " " + UNITS[unit];
			}
			size >>= 10;
		}
		throw new AssertionError("unreachable");
	}

	private static long halfRounded(long size) {
		return (size + (size < 0 ? -1 : 1)) / 2;
	}

}
