package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.StatementEffects.Action;
import dev.migsh.core.plan.StatementEffects.Effect;

/**
 * Follows the named objects of a plan statement by statement, as PostgreSQL would see
 * them: what the database has, plus what earlier statements created, renamed and dropped.
 * Says which statements would fail because an object exists already or does not exist,
 * and which are no-ops ({@code IF NOT EXISTS} on an existing object). Unqualified names
 * resolve through the search_path.
 */
public final class ObjectTimeline {

	/** Where an object exists in the database before the plan runs. */
	public interface Database {

		/**
		 * The schema holding the object (for a column, its table's schema), the
		 * search_path deciding for an unqualified name; empty when it does not exist.
		 */
		Optional<String> locate(DbObject object);

	}

	/** What following the plan says about one effect. */
	public enum Outcome {

		/** An unguarded CREATE of an object that exists: the statement fails. */
		EXISTS_ALREADY,
		/**
		 * An ALTER, DROP or use of an object that does not exist: the statement fails.
		 */
		MISSING,
		/**
		 * Missing, but an earlier statement the tool cannot read (a DO block) may create
		 * it.
		 */
		MAYBE_MISSING,
		/** IF [NOT] EXISTS makes the statement a no-op for this object. */
		NO_OP,
		/** CREATE OR REPLACE of an existing object. */
		REPLACED

	}

	/** One effect worth reporting, where it happens. */
	public record Verdict(Outcome outcome, MigrationFile file, SqlStatement statement, Effect effect) {

		/** {@code 002-x.sql:3}. */
		public String where() {
			return this.file.up().file().getFileName() + ":" + this.statement.line();
		}

	}

	private final List<String> searchPath;

	private final Database database;

	private final Map<String, Boolean> present = new HashMap<>();

	private boolean opaqueSeen;

	/**
	 * Tables the plan creates or alters: they may make indexes and sequences implicitly.
	 */
	private final Set<String> implicitOwners = new HashSet<>();

	/**
	 * @param searchPath the schemas of {@code current_schemas(false)}, in order; new
	 * unqualified objects go into the first
	 */
	public ObjectTimeline(List<String> searchPath, Database database) {
		this.searchPath = List.copyOf(searchPath);
		this.database = database;
	}

	/** Follows these migrations in order and returns every failure and no-op found. */
	public List<Verdict> follow(List<MigrationFile> files) {
		List<Verdict> verdicts = new ArrayList<>();
		for (MigrationFile file : files) {
			for (SqlStatement statement : file.up().statements()) {
				StatementEffects effects = StatementEffects.of(statement);
				for (Effect effect : effects.effects()) {
					outcome(effect).ifPresent(o -> verdicts.add(new Verdict(o, file, statement, effect)));
				}
				this.opaqueSeen |= effects.opaque();
			}
		}
		return verdicts;
	}

	/**
	 * True when the object exists at this point of the plan: in the database or created
	 * earlier, and not dropped since.
	 */
	public boolean exists(DbObject object) {
		return state(object).exists;
	}

	/**
	 * True when an earlier statement of the plan created the object (and it is still
	 * there).
	 */
	public boolean createdByPlan(DbObject object) {
		State s = state(object);
		return s.exists && s.inPlan;
	}

	/** Records what the statement does, without judging it (for the planner). */
	public void record(SqlStatement statement) {
		StatementEffects effects = StatementEffects.of(statement);
		effects.effects().forEach(this::outcome);
		this.opaqueSeen |= effects.opaque();
	}

	private Optional<Outcome> outcome(Effect effect) {
		DbObject object = effect.object();
		State before = state(object);
		Optional<Outcome> outcome = Optional.empty();
		switch (effect.action()) {
			case CREATE, RENAME -> {
				if (before.exists && effect.needsAbsent() && !routine(object)) {
					outcome = Optional.of(Outcome.EXISTS_ALREADY);
				}
				else if (before.exists && effect.guarded()) {
					outcome = Optional.of(Outcome.NO_OP);
				}
				else if (before.exists && effect.orReplace()) {
					outcome = Optional.of(Outcome.REPLACED);
				}
				this.present.put(key(object, createSchema(object)), true);
			}
			case ALTER, USE, DROP -> {
				boolean columnOfNewTable = object.kind() == DbObject.Kind.COLUMN && tableCreatedByPlan(object);
				if (!before.exists && !columnOfNewTable && !implicit(object)) {
					outcome = Optional.of(effect.guarded() ? Outcome.NO_OP
							: this.opaqueSeen ? Outcome.MAYBE_MISSING : Outcome.MISSING);
				}
				if (effect.action() == Action.DROP) {
					this.present.put(key(object, before.schema.orElse(createSchema(object))), false);
				}
			}
		}
		if (object.kind() == DbObject.Kind.TABLE && effect.action() != Action.USE) {
			this.implicitOwners.add(object.name());
		}
		return outcome;
	}

	/**
	 * True for an index or sequence whose name a table of the plan would give one it
	 * makes by itself: {@code users_pkey}, {@code users_email_key}, {@code users_id_seq}.
	 */
	private boolean implicit(DbObject object) {
		if (object.kind() != DbObject.Kind.INDEX && object.kind() != DbObject.Kind.SEQUENCE) {
			return false;
		}
		return this.implicitOwners.stream().anyMatch(table -> object.name().startsWith(table + "_"));
	}

	private boolean tableCreatedByPlan(DbObject column) {
		String name = column.name();
		String table = name.substring(0, name.lastIndexOf('.'));
		return createdByPlan(new DbObject(DbObject.Kind.TABLE, table, column.schema(), table));
	}

	private static boolean routine(DbObject object) {
		// a function with the name may be another overload
		return object.kind() == DbObject.Kind.FUNCTION || object.kind() == DbObject.Kind.PROCEDURE;
	}

	private record State(boolean exists, boolean inPlan, Optional<String> schema) {
	}

	private State state(DbObject object) {
		List<String> schemas = object.schema().map(List::of).orElse(this.searchPath);
		if (object.kind() == DbObject.Kind.SCHEMA) {
			schemas = List.of("");
		}
		for (String schema : schemas) {
			Boolean known = this.present.get(key(object, schema));
			if (known != null) {
				return new State(known, true, Optional.of(schema));
			}
		}
		Optional<String> found = this.database.locate(object);
		return new State(found.isPresent(), false, found);
	}

	private String createSchema(DbObject object) {
		if (object.kind() == DbObject.Kind.SCHEMA) {
			return "";
		}
		return object.schema().orElse(this.searchPath.isEmpty() ? "" : this.searchPath.get(0));
	}

	private static String key(DbObject object, String schema) {
		String space = switch (object.kind()) {
			case TABLE, INDEX, VIEW, MATERIALIZED_VIEW, SEQUENCE -> "relation";
			case TYPE, DOMAIN -> "type";
			case FUNCTION, PROCEDURE -> "routine";
			case SCHEMA -> "schema";
			case COLUMN -> "column";
			case CONSTRAINT -> "constraint";
		};
		return space + ":" + schema + "." + object.name();
	}

}
