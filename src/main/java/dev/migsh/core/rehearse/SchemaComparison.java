package dev.migsh.core.rehearse;

import java.util.ArrayList;
import java.util.List;

import dev.migsh.core.schema.SchemaDiff;
import dev.migsh.core.schema.SchemaSnapshot;
import dev.migsh.core.schema.SchemaDifference;
import dev.migsh.core.schema.SchemaDifference.PropertyChange;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * Two schemas of the copy compared as {@code drift} compares them, one line per
 * difference. A column that came back at another position (dropped by the down, added
 * again at the end by the up) is the same column, as in drift.
 */
final class SchemaComparison {

	private SchemaComparison() {
	}

	static List<String> differences(SchemaSnapshot a, SchemaSnapshot b, String aName, String bName) {
		List<String> lines = new ArrayList<>();
		for (SchemaDifference d : SchemaDiff.compare(a, b)) {
			if (d.type() == ObjectType.COLUMN && d.kind() == SchemaDifference.Kind.CHANGED) {
				List<PropertyChange> rest = d.changes()
					.stream()
					.filter((c) -> !c.property().equals("position"))
					.toList();
				if (rest.isEmpty()) {
					continue;
				}
				d = new SchemaDifference(d.type(), d.name(), d.kind(), rest);
			}
			lines.add(d.describe(aName, bName));
		}
		return lines;
	}

}
