package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class DetachPartitionRule extends StatementRule {

	DetachPartitionRule() {
		super("LK-13", Severity.WARNING, "DETACH PARTITION without CONCURRENTLY",
				"Detaching a partition takes ACCESS EXCLUSIVE on the parent table: every query on the whole "
						+ "partitioned table waits.",
				"ALTER TABLE p DETACH PARTITION c CONCURRENTLY (PostgreSQL 14+), alone in a non-transactional "
						+ "section; if it is interrupted, finish it with ALTER TABLE p DETACH PARTITION c FINALIZE.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return onExistingTableActions(ctx, (alter, action) -> {
			if (action.startsWith("detach", "partition") && !action.contains("concurrently")
					&& !action.contains("finalize")) {
				return Optional.of("detaching a partition of " + alter.table()
						+ " locks the whole partitioned table against reads and writes");
			}
			return Optional.empty();
		});
	}

	@Override
	String safeAlternative(StatementContext ctx) {
		if (ctx.atLeast(140000)) {
			return safeAlternative();
		}
		return "DETACH PARTITION ... CONCURRENTLY needs PostgreSQL 14 (server is " + ctx.lint().majorVersion()
				+ "): detach in a quiet period with a short lock_timeout and retries.";
	}

}
