package dev.migsh.core.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.migsh.core.schema.DdlItem.Phase;
import dev.migsh.core.schema.SchemaObject.ObjectType;

/**
 * The DDL of a whole schema as read from one database: every object's statements, the
 * dependencies among the objects built first, and what could not be recreated.
 */
final class SchemaDdl {

	private static final Map<ObjectType, Integer> RANK = Map.ofEntries(Map.entry(ObjectType.COLLATION, 0),
			Map.entry(ObjectType.TEXT_SEARCH_DICTIONARY, 0), Map.entry(ObjectType.TEXT_SEARCH_CONFIGURATION, 0),
			Map.entry(ObjectType.FOREIGN_DATA_WRAPPER, 0), Map.entry(ObjectType.FOREIGN_SERVER, 0),
			Map.entry(ObjectType.USER_MAPPING, 0), Map.entry(ObjectType.TYPE, 0), Map.entry(ObjectType.FUNCTION, 1),
			Map.entry(ObjectType.AGGREGATE, 1), Map.entry(ObjectType.OPERATOR, 1), Map.entry(ObjectType.CAST, 2),
			Map.entry(ObjectType.SEQUENCE, 2), Map.entry(ObjectType.TABLE, 3), Map.entry(ObjectType.VIEW, 4));

	private final List<DdlItem> items;

	private final List<String[]> edges;

	private final List<String> leftOut;

	private final Set<String> skipped;

	private final List<String> notRecreated;

	SchemaDdl(List<DdlItem> items, List<String[]> edges, List<String> leftOut, Set<String> skipped,
			List<String> notRecreated) {
		this.items = List.copyOf(items);
		this.edges = List.copyOf(edges);
		this.leftOut = List.copyOf(leftOut);
		this.skipped = Set.copyOf(skipped);
		this.notRecreated = List.copyOf(notRecreated);
	}

	static SchemaDdl read(DataSource dataSource, Set<String> excludedSchemas) {
		return DdlReader.read(dataSource, excludedSchemas);
	}

	/** Every statement in the order that rebuilds the schema, grouped by phase. */
	BaselineScript script() {
		List<BaselineScript.Part> parts = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (Phase phase : Phase.values()) {
			if (phase == Phase.DETACHED) {
				continue;
			}
			List<DdlItem> inPhase = this.items.stream().filter((i) -> i.phase() == phase).toList();
			if (phase == Phase.OBJECTS) {
				DependencyOrder.Result<DdlItem> sorted = DependencyOrder.sort(inPhase, DdlItem::id,
						edgesWithoutOwnership(), Comparator.comparing((DdlItem i) -> RANK.getOrDefault(i.type(), 9))
							.thenComparing(DdlItem::name));
				inPhase = sorted.ordered();
				sorted.cycleBreaks()
					.forEach((i) -> notes.add(i.type().label() + " " + i.name()
							+ " is part of a dependency cycle and was placed before something it depends on"));
			}
			List<String> statements = inPhase.stream().flatMap((i) -> i.statements().stream()).toList();
			if (!statements.isEmpty()) {
				parts.add(new BaselineScript.Part(phase.heading(), statements));
			}
		}
		return new BaselineScript(parts, this.leftOut, notes, this.skipped, this.notRecreated);
	}

	// A sequence OWNED BY a column depends on its table, which may use it in a default:
	// the
	// ownership is set in a later phase, so only the table's dependency on the sequence
	// counts.
	private List<String[]> edgesWithoutOwnership() {
		Set<String> sequences = new java.util.HashSet<>();
		this.items.stream()
			.filter((i) -> i.type() == ObjectType.SEQUENCE && i.id() != null)
			.forEach((i) -> sequences.add(i.id()));
		return this.edges.stream().filter((e) -> !sequences.contains(e[0])).toList();
	}

	/**
	 * The statements that define one object as a snapshot names it: a column's is its ADD
	 * COLUMN; a table's includes its keys, indexes, triggers and policies, since a
	 * missing table is reported alone.
	 */
	List<String> ddlOf(ObjectType type, String name) {
		boolean detached = this.items.stream()
			.anyMatch((i) -> i.phase() == Phase.DETACHED && i.type() == type && i.name().equals(name));
		boolean relation = type == ObjectType.TABLE || type == ObjectType.VIEW;
		return this.items.stream()
			.filter((i) -> detached ? (i.phase() == Phase.DETACHED && i.type() == type && i.name().equals(name))
					: (i.phase() != Phase.DETACHED
							&& ((i.type() == type && i.name().equals(name)) || (relation && name.equals(i.owner())))))
			.sorted(Comparator.comparing(DdlItem::phase))
			.flatMap((i) -> i.statements().stream())
			.toList();
	}

}
