package dev.migsh.shell.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.migsh.core.schema.TableProvenance;
import dev.migsh.core.schema.TableProvenance.ColumnTouch;
import dev.migsh.core.schema.TableProvenance.Touch;

/**
 * Renders a {@link TableProvenance} below the {@code \d} layout: the migrations that
 * touched the table, then, per column, the migration that created it and those that
 * changed it.
 */
public final class ProvenanceView {

	private ProvenanceView() {
	}

	public static List<String> render(TableProvenance provenance) {
		List<String> lines = new ArrayList<>();
		lines.add("Migrations:");
		if (provenance.migrations().isEmpty()) {
			lines.add("    none mention this table (made by hand?)");
			return lines;
		}
		int width = provenance.migrations().stream().mapToInt(t -> t.migrationId().length()).max().orElse(0);
		for (Touch touch : provenance.migrations()) {
			lines.add("    " + pad(touch.migrationId(), width) + "  " + state(touch) + ": "
					+ String.join("; ", touch.actions()));
		}
		lines.add("Columns by migration:");
		int columnWidth = provenance.columns().keySet().stream().mapToInt(String::length).max().orElse(0);
		for (Map.Entry<String, List<ColumnTouch>> column : provenance.columns().entrySet()) {
			String touches = column.getValue().isEmpty() ? "no migration (made by hand?)"
					: column.getValue()
						.stream()
						.map(t -> t.verb() + " by " + t.migrationId())
						.collect(Collectors.joining(", "));
			lines.add("    " + pad(column.getKey(), columnWidth) + "  " + touches);
		}
		return lines;
	}

	private static String state(Touch touch) {
		return touch.appliedAt().map(at -> touch.state() + " " + at.toString().substring(0, 10)).orElse(touch.state());
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

}
