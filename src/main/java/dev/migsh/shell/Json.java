package dev.migsh.shell;

import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON writer for the records the core returns: records become objects (by
 * component name), collections arrays, maps objects, optionals their value or null.
 */
public final class Json {

	private Json() {
	}

	public static String write(Object value) {
		StringBuilder sb = new StringBuilder();
		write(value, sb);
		return sb.toString();
	}

	private static void write(Object value, StringBuilder sb) {
		if (value == null) {
			sb.append("null");
		}
		else if (value instanceof Optional<?> optional) {
			write(optional.orElse(null), sb);
		}
		else if (value instanceof String || value instanceof Character || value instanceof Enum<?>
				|| value instanceof TemporalAccessor || value instanceof java.time.Duration
				|| value instanceof java.nio.file.Path) {
			string(value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : value.toString(), sb);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			sb.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			sb.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (!first) {
					sb.append(',');
				}
				first = false;
				string(String.valueOf(e.getKey()), sb);
				sb.append(':');
				write(e.getValue(), sb);
			}
			sb.append('}');
		}
		else if (value instanceof Collection<?> list) {
			sb.append('[');
			boolean first = true;
			for (Object item : list) {
				if (!first) {
					sb.append(',');
				}
				first = false;
				write(item, sb);
			}
			sb.append(']');
		}
		else if (value.getClass().isRecord()) {
			sb.append('{');
			boolean first = true;
			for (RecordComponent c : value.getClass().getRecordComponents()) {
				if (!first) {
					sb.append(',');
				}
				first = false;
				string(c.getName(), sb);
				sb.append(':');
				try {
					c.getAccessor().setAccessible(true);
					write(c.getAccessor().invoke(value), sb);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
			sb.append('}');
		}
		else {
			string(value.toString(), sb);
		}
	}

	private static void string(String s, StringBuilder sb) {
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		sb.append('"');
	}

}
