package dev.migsh.shell.commands;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.TextTable;

/** {@code tables}: the tables of the connected database with estimated rows and size. */
@Component
public class TablesCommand extends MigshCommand {

	static final String SQL = """
			SELECT n.nspname, c.relname,
			       CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'v' THEN 'view'
			                      WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table' END,
			       c.reltuples::bigint, pg_total_relation_size(c.oid)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
			  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
			  AND n.nspname <> ?
			ORDER BY 1, 2""";

	public record Row(String schema, String name, String kind, long rowEstimate, long sizeBytes) {
	}

	public TablesCommand() {
		super(CommandSpec.builder("tables")
			.group("Schema")
			.description("List the tables and views with estimated rows and size")
			.option(OptionSpec.flag("json", "print JSON"))
			.build());
	}

	@Override
	public ExitCode run(Invocation inv) {
		JdbcTemplate jdbc = new JdbcTemplate(inv.session().database(inv.prompter()).dataSource());
		List<Row> rows = jdbc.query(SQL, (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
				rs.getLong(4), rs.getLong(5)), inv.session().launch().schema());
		if (inv.json()) {
			inv.out().json(rows);
			return ExitCode.OK;
		}
		if (rows.isEmpty()) {
			inv.out().println("No tables yet.");
			return ExitCode.OK;
		}
		TextTable table = new TextTable("Schema", "Name", "Kind", "Rows (est.)", "Size").alignRight(3).alignRight(4);
		for (Row r : rows) {
			table.row(r.schema(), r.name(), r.kind(), r.rowEstimate() < 0 ? "?" : r.rowEstimate(), Sizes.human(r.sizeBytes()));
		}
		inv.out().table(table);
		inv.out().println(rows.size() + (rows.size() == 1 ? " relation" : " relations"));
		return ExitCode.OK;
	}

}
