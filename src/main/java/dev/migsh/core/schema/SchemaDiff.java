package dev.migsh.core.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.migsh.core.schema.SchemaDifference.Kind;
import dev.migsh.core.schema.SchemaDifference.PropertyChange;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * Compares two {@link SchemaSnapshot}s object by object. When a table or view is missing
 * on one side, only it is reported, not each of its columns, constraints, indexes and
 * triggers.
 */
public final class SchemaDiff {

	private SchemaDiff() {
	}

	/**
	 * The differences, ordered by object type and name; empty when the schemas are the
	 * same.
	 */
	public static List<SchemaDifference> compare(SchemaSnapshot a, SchemaSnapshot b) {
		Map<Key, SchemaObject> inA = index(a);
		Map<Key, SchemaObject> inB = index(b);
		Set<String> namesInA = names(a);
		Set<String> namesInB = names(b);
		List<SchemaDifference> differences = new ArrayList<>();
		for (SchemaObject left : a.objects()) {
			SchemaObject right = inB.get(Key.of(left));
			if (right == null) {
				if (!parentMissing(left, inB) && !objectMissing(left, namesInA, namesInB)) {
					differences.add(new SchemaDifference(left.type(), left.name(), Kind.ONLY_IN_A, List.of()));
				}
			}
			else {
				List<PropertyChange> changes = changes(left, right);
				if (!changes.isEmpty()) {
					differences.add(new SchemaDifference(left.type(), left.name(), Kind.CHANGED, changes));
				}
			}
		}
		for (SchemaObject right : b.objects()) {
			if (!inA.containsKey(Key.of(right)) && !parentMissing(right, inA)
					&& !objectMissing(right, namesInB, namesInA)) {
				differences.add(new SchemaDifference(right.type(), right.name(), Kind.ONLY_IN_B, List.of()));
			}
		}
		differences.sort(Comparator.comparing(SchemaDifference::type).thenComparing(SchemaDifference::name));
		return differences;
	}

	// the owner and privileges of an object that is itself missing are not a difference
	// of their own
	private static boolean objectMissing(SchemaObject grant, Set<String> own, Set<String> other) {
		return grant.type() == ObjectType.GRANT && grant.parent() != null && own.contains(grant.parent())
				&& !other.contains(grant.parent());
	}

	private static Set<String> names(SchemaSnapshot snapshot) {
		Set<String> names = new java.util.HashSet<>();
		snapshot.objects().stream().filter((o) -> o.type() != ObjectType.GRANT).forEach((o) -> names.add(o.name()));
		return names;
	}

	private static boolean parentMissing(SchemaObject object, Map<Key, SchemaObject> other) {
		return object.type() != ObjectType.GRANT && object.parent() != null
				&& !other.containsKey(new Key(ObjectType.TABLE, object.parent()))
				&& !other.containsKey(new Key(ObjectType.VIEW, object.parent()));
	}

	private static List<PropertyChange> changes(SchemaObject left, SchemaObject right) {
		Set<String> keys = new TreeSet<>(left.properties().keySet());
		keys.addAll(right.properties().keySet());
		List<PropertyChange> changes = new ArrayList<>();
		for (String key : keys) {
			String x = left.property(key);
			String y = right.property(key);
			if (!Objects.equals(x, y)) {
				changes.add(new PropertyChange(key, x, y));
			}
		}
		return changes;
	}

	private static Map<Key, SchemaObject> index(SchemaSnapshot snapshot) {
		Map<Key, SchemaObject> byKey = new LinkedHashMap<>();
		snapshot.objects().forEach((o) -> byKey.put(Key.of(o), o));
		return byKey;
	}

	private record Key(ObjectType type, String name) {

		static Key of(SchemaObject object) {
			return new Key(object.type(), object.name());
		}

	}

}
