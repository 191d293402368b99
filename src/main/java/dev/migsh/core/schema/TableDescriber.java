package dev.migsh.core.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.migsh.core.MigshException;

/**
 * Reads what psql's {@code \d NAME} shows about a table, view or materialized view. The
 * name is resolved by PostgreSQL itself ({@code to_regclass}, a bind parameter), so
 * quoting and the search_path work as in SQL, and the text can never run as SQL.
 */
public final class TableDescriber {

	/**
	 * Longer than any qualified name can be (two quoted 63-byte identifiers, every quote
	 * doubled).
	 */
	private static final int MAX_NAME_LENGTH = 1024;

	private final DataSource dataSource;

	public TableDescriber(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * The description of the relation {@code name} names, written as in SQL:
	 * {@code users}, {@code public.users}, {@code "Order Items"}.
	 * @throws TableNotFoundException when the name is malformed or names no table, view
	 * or materialized view
	 */
	public TableDescription describe(String name) {
		if (name == null || name.isBlank() || name.indexOf('\0') >= 0 || name.length() > MAX_NAME_LENGTH) {
			throw TableNotFoundException.invalidName(name == null ? "" : name, null, null);
		}
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
				jdbc.execute(DescribeQueries.LOCK_TIMEOUT);
				return read(jdbc, name);
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new MigshException("Could not read the catalog to describe " + TableNotFoundException.shown(name)
					+ ": " + ex.getMessage(), "Check the connection with 'info' and try again.", ex);
		}
	}

	private TableDescription read(JdbcTemplate jdbc, String name) {
		long oid = resolve(jdbc, name);
		try {
			return new RelationReader(jdbc, oid).read(name);
		}
		catch (DataAccessException ex) {
			if ("55P03".equals(sqlState(ex))) {
				throw new MigshException(
						TableNotFoundException.shown(name)
								+ " is locked by another session; its size could not be read.",
						"Retry when the other session's transaction (often a running migration) has finished.", ex);
			}
			throw ex;
		}
	}

	private long resolve(JdbcTemplate jdbc, String name) {
		Long oid;
		try {
			oid = jdbc.queryForObject(DescribeQueries.RESOLVE, Long.class, name);
		}
		catch (DataAccessException ex) {
			String state = sqlState(ex);
			// 42xxx: invalid name syntax / improper qualified name; 0A000: cross-database
			// reference;
			// 22xxx: bad characters. PostgreSQL 16+ reports some of these as NULL
			// instead.
			if (state != null && (state.startsWith("42") || state.startsWith("0A") || state.startsWith("22"))) {
				throw TableNotFoundException.invalidName(name, serverMessage(ex), ex);
			}
			throw ex;
		}
		if (oid == null) {
			throw TableNotFoundException.notFound(name);
		}
		return oid;
	}

	private static String sqlState(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	private static String serverMessage(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
				return psql.getServerErrorMessage().getMessage();
			}
		}
		return null;
	}

	/** Reads the facts of one resolved relation. */
	private static final class RelationReader {

		private final JdbcTemplate jdbc;

		private final long oid;

		RelationReader(JdbcTemplate jdbc, long oid) {
			this.jdbc = jdbc;
			this.oid = oid;
		}

		TableDescription read(String requestedName) {
			List<Header> found = this.jdbc.query(DescribeQueries.RELATION, (rs, n) -> header(rs), this.oid);
			if (found.isEmpty() || found.get(0).kind() == null) {
				throw TableNotFoundException.notFound(requestedName);
			}
			return describe(found.get(0));
		}

		private static Header header(ResultSet rs) throws SQLException {
			return new Header(rs.getString("nspname"), rs.getString("relname"),
					RelationKind.ofRelkind(rs.getString("relkind")), rs.getBoolean("unlogged"),
					rs.getBoolean("relrowsecurity"), rs.getBoolean("relforcerowsecurity"),
					rs.getBoolean("relispartition"), rs.getString("of_type"), rs.getString("comment"),
					rs.getString("view_definition"), rs.getString("partition_key"), rs.getLong("size_bytes"),
					rs.getLong("row_estimate"));
		}

		private TableDescription describe(Header h) {
			RelationKind kind = h.kind();
			boolean table = kind == RelationKind.TABLE || kind == RelationKind.PARTITIONED_TABLE;
			boolean hasConstraints = table || kind == RelationKind.FOREIGN_TABLE;
			int version = this.jdbc.queryForObject(DescribeQueries.SERVER_VERSION, Integer.class);
			List<ConstraintInfo> constraints = hasConstraints ? constraints() : List.of();
			return new TableDescription(h.schema(), h.name(), kind, h.unlogged(), h.ofType(), columns(), indexes(),
					ofType(constraints, ConstraintType.CHECK), table ? foreignKeys() : List.of(),
					ofType(constraints, ConstraintType.PRIMARY_KEY, ConstraintType.UNIQUE),
					ofType(constraints, ConstraintType.EXCLUSION), table ? referencedBy() : List.of(), triggers(),
					policies(), h.rowSecurity(), h.forceRowSecurity(), statistics(),
					kind.isView() ? List.of() : publications(h.schema(), h.name()),
					partitioning(h.partitionKey(), h.partition(), version), inherits(),
					(kind == RelationKind.TABLE || kind == RelationKind.FOREIGN_TABLE) ? inheritedBy(version)
							: List.of(),
					h.viewDefinition(), (kind == RelationKind.FOREIGN_TABLE) ? foreignTable() : null, h.comment(),
					h.sizeBytes(), h.rowEstimate());
		}

		private List<ColumnInfo> columns() {
			return this.jdbc.query(DescribeQueries.COLUMNS, (rs, n) -> {
				ColumnInfo.Generation generation = ColumnInfo.Generation.of(rs.getString("generated"));
				String expression = rs.getString("default_expression");
				boolean generated = generation != ColumnInfo.Generation.NONE;
				return new ColumnInfo(rs.getString("attname"), rs.getString("type"), rs.getString("collation"),
						rs.getBoolean("attnotnull"), generated ? null : expression,
						ColumnInfo.Identity.of(rs.getString("identity")), generation, generated ? expression : null,
						rs.getString("comment"));
			}, this.oid);
		}

		private List<IndexInfo> indexes() {
			return this.jdbc.query(DescribeQueries.INDEXES,
					(rs, n) -> new IndexInfo(rs.getString("relname"), rs.getString("definition"),
							rs.getBoolean("indisprimary"), rs.getBoolean("indisunique"), rs.getBoolean("indisvalid"),
							rs.getBoolean("indisclustered"), rs.getBoolean("indisreplident"),
							ConstraintType.of(rs.getString("contype")), rs.getString("condef"),
							rs.getBoolean("condeferrable"), rs.getBoolean("condeferred"), rs.getString("tablespace")),
					this.oid);
		}

		private List<ConstraintInfo> constraints() {
			return this.jdbc.query(DescribeQueries.CONSTRAINTS, (rs, n) -> constraint(rs), this.oid);
		}

		private List<ConstraintInfo> foreignKeys() {
			return this.jdbc.query(DescribeQueries.FOREIGN_KEYS, (rs, n) -> constraint(rs), this.oid, this.oid,
					this.oid, this.oid);
		}

		private static ConstraintInfo constraint(ResultSet rs) throws SQLException {
			return new ConstraintInfo(rs.getString("conname"), ConstraintType.of(rs.getString("contype")),
					rs.getString("definition"), rs.getBoolean("convalidated"), rs.getBoolean("condeferrable"),
					rs.getBoolean("condeferred"), rs.getString("defined_on"), rs.getString("comment"));
		}

		private static List<ConstraintInfo> ofType(List<ConstraintInfo> constraints, ConstraintType... types) {
			List<ConstraintType> wanted = Arrays.asList(types);
			return constraints.stream().filter((c) -> wanted.contains(c.type())).toList();
		}

		private List<ReferencedBy> referencedBy() {
			return this.jdbc.query(DescribeQueries.REFERENCED_BY, (rs, n) -> new ReferencedBy(rs.getString("on_table"),
					rs.getString("conname"), rs.getString("definition")), this.oid, this.oid);
		}

		private List<TriggerInfo> triggers() {
			return this.jdbc.query(DescribeQueries.TRIGGERS,
					(rs, n) -> new TriggerInfo(rs.getString("tgname"), rs.getString("definition"),
							TriggerInfo.Firing.of(rs.getString("enabled")), rs.getBoolean("tgisinternal"),
							rs.getString("parent")),
					this.oid);
		}

		private List<PolicyInfo> policies() {
			return this.jdbc.query(DescribeQueries.POLICIES, (rs, n) -> {
				String roles = rs.getString("roles");
				return new PolicyInfo(rs.getString("polname"), rs.getBoolean("polpermissive"), rs.getString("command"),
						(roles == null) ? List.of() : List.of(roles.split(",")), rs.getString("using_expression"),
						rs.getString("check_expression"));
			}, this.oid);
		}

		private List<StatisticsInfo> statistics() {
			return this.jdbc.query(DescribeQueries.STATISTICS, (rs, n) -> new StatisticsInfo(rs.getString("nspname"),
					rs.getString("stxname"), rs.getString("definition")), this.oid);
		}

		private List<String> publications(String schema, String name) {
			return this.jdbc.queryForList(DescribeQueries.PUBLICATIONS, String.class, schema, name);
		}

		private PartitionInfo partitioning(String key, boolean isPartition, int version) {
			if (key == null && !isPartition) {
				return PartitionInfo.NONE;
			}
			List<PartitionInfo.Partition> partitions = (key == null) ? List.of()
					: this.jdbc.query(DescribeQueries.withDetachPending(DescribeQueries.CHILDREN, version), (rs, n) -> {
						String relkind = rs.getString("relkind");
						return new PartitionInfo.Partition(rs.getString("name"), rs.getString("bound"),
								"p".equals(relkind), "f".equals(relkind), rs.getBoolean("detach_pending"));
					}, this.oid);
			if (!isPartition) {
				return new PartitionInfo(key, partitions, null, null, false);
			}
			return this.jdbc.queryForObject(DescribeQueries.withDetachPending(DescribeQueries.PARTITION_OF, version),
					(rs, n) -> new PartitionInfo(key, partitions, rs.getString("parent"), rs.getString("bound"),
							rs.getBoolean("detach_pending")),
					this.oid);
		}

		private List<String> inherits() {
			return this.jdbc.queryForList(DescribeQueries.INHERITS, String.class, this.oid);
		}

		private List<String> inheritedBy(int version) {
			return this.jdbc.query(DescribeQueries.withDetachPending(DescribeQueries.CHILDREN, version),
					(rs, n) -> rs.getString("name"), this.oid);
		}

		private ForeignTableInfo foreignTable() {
			List<ForeignTableInfo> found = this.jdbc.query(DescribeQueries.FOREIGN_TABLE,
					(rs, n) -> new ForeignTableInfo(rs.getString("srvname"), rs.getString("options")), this.oid);
			return found.isEmpty() ? null : found.get(0);
		}

	}

	/** pg_class's facts about the relation, read before anything else. */
	private record Header(String schema, String name, RelationKind kind, boolean unlogged, boolean rowSecurity,
			boolean forceRowSecurity, boolean partition, String ofType, String comment, String viewDefinition,
			String partitionKey, long sizeBytes, long rowEstimate) {
	}

}
