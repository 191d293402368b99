package dev.migsh.core.lint;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the rules know about the target server: its {@code server_version_num} (the live
 * one, never a guess), which tables already exist, the lock_timeout the tool sets, and
 * how to tell a volatile function from a stable one.
 *
 * @param serverVersionNum e.g. {@code 170006}
 * @param existingTables lower-case table names (bare or schema-qualified); only consulted
 * when {@code tablesKnown}
 * @param tablesKnown false when the catalog was not read: every table not created in the
 * section is then assumed to exist
 * @param defaultLockTimeoutMillis the lock_timeout the tool sets for each migration
 * @param volatileFunction true for a function name (lower case, unqualified) whose result
 * changes per row
 * @param columnTypes {@code format_type()} of existing columns by
 * {@code schema.table.column} (and {@code table.column} for tables the search_path finds)
 * @param indexTables the table of each existing index, by {@code schema.index} (and bare
 * name when visible)
 */
public record LintContext(int serverVersionNum, Set<String> existingTables, boolean tablesKnown,
		long defaultLockTimeoutMillis, Predicate<String> volatileFunction, Map<String, String> columnTypes,
		Map<String, TableName> indexTables) {

	/** The lock_timeout used when the configuration says nothing. */
	public static final long DEFAULT_LOCK_TIMEOUT_MILLIS = 5_000;

	/**
	 * Well-known built-in and extension functions that are VOLATILE ({@code now()} is
	 * STABLE).
	 */
	public static final Set<String> KNOWN_VOLATILE_FUNCTIONS = Set.of("clock_timestamp", "random", "random_normal",
			"gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7",
			"timeofday", "nextval", "setval", "currval", "lastval", "gen_random_bytes", "setseed");

	public LintContext {
		existingTables = Set.copyOf(existingTables);
		columnTypes = Map.copyOf(columnTypes);
		indexTables = Map.copyOf(indexTables);
	}

	/**
	 * Defaults for a server of this version: tables unknown, 5 s lock_timeout, built-in
	 * volatility list.
	 */
	public static LintContext forServer(int serverVersionNum) {
		return new LintContext(serverVersionNum, Set.of(), false, DEFAULT_LOCK_TIMEOUT_MILLIS,
				name -> KNOWN_VOLATILE_FUNCTIONS.contains(name.toLowerCase(Locale.ROOT)), Map.of(), Map.of());
	}

	public LintContext withExistingTables(Set<String> tables) {
		Set<String> lower = tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		return new LintContext(this.serverVersionNum, lower, true, this.defaultLockTimeoutMillis, this.volatileFunction,
				this.columnTypes, this.indexTables);
	}

	public LintContext withDefaultLockTimeout(long millis) {
		return new LintContext(this.serverVersionNum, this.existingTables, this.tablesKnown, millis,
				this.volatileFunction, this.columnTypes, this.indexTables);
	}

	/**
	 * Volatility read from {@code pg_proc.provolatile} on the live server, for instance.
	 */
	public LintContext withVolatileFunctions(Predicate<String> isVolatile) {
		return new LintContext(this.serverVersionNum, this.existingTables, this.tablesKnown,
				this.defaultLockTimeoutMillis, isVolatile, this.columnTypes, this.indexTables);
	}

	/** The live columns' types and the indexes' tables, read from the catalog. */
	public LintContext withColumnsAndIndexes(Map<String, String> types, Map<String, TableName> indexes) {
		return new LintContext(this.serverVersionNum, this.existingTables, this.tablesKnown,
				this.defaultLockTimeoutMillis, this.volatileFunction, types, indexes);
	}

	/** The type of an existing column as {@code format_type()} prints it, when known. */
	public Optional<String> columnType(TableName table, String column) {
		return Optional.ofNullable(this.columnTypes.get(table + "." + column));
	}

	/** The table an existing index belongs to, when known. */
	public Optional<TableName> indexTable(TableName index) {
		return Optional.ofNullable(this.indexTables.get(index.toString()));
	}

	/** True when the server is at least this version, {@code atLeast(120000)}. */
	public boolean atLeast(int versionNum) {
		return this.serverVersionNum >= versionNum;
	}

	public boolean isVolatile(String functionName) {
		return this.volatileFunction.test(functionName.toLowerCase(Locale.ROOT));
	}

	/** False only when the catalog was read and has no such table. */
	public boolean mayExist(TableName table) {
		if (!this.tablesKnown) {
			return true;
		}
		return this.existingTables.contains(table.name()) || this.existingTables.contains(table.toString());
	}

	/** The major version as people say it: 17 for 170006, 9 for 90624. */
	public String majorVersion() {
		int major = this.serverVersionNum / 10000;
		return (major >= 10) ? Integer.toString(major) : major + "." + (this.serverVersionNum / 100 % 100);
	}

}
