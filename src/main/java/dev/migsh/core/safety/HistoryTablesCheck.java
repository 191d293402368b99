package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migsh.core.history.HistoryHealth;
import dev.migsh.core.history.HistoryInspection;
import dev.migsh.core.history.HistoryTable;

/**
 * The history's own tables can be trusted: none missing or damaged, and no row the audit
 * trail records is missing from the history. A change on a damaged history could run a
 * migration twice, so every changing command refuses until it is fixed.
 */
final class HistoryTablesCheck implements PreflightCheck {

	@Override
	public String name() {
		return "history tables";
	}

	@Override
	public CheckResult run(PreflightContext context) throws SQLException {
		HistoryHealth health;
		try (Connection connection = context.dataSource().getConnection()) {
			health = new HistoryInspection(new HistoryTable(context.config().historySchema())).inspect(connection);
		}
		if (health.damaged()) {
			return CheckResult.fail(name(), "damaged: " + health.summary(), health.damages().get(0).fix());
		}
		return CheckResult.ok(name(), health.fresh() ? "none yet (made on the first change)"
				: "history, audit and layout intact and agreeing");
	}

}
