package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.CreateIndex;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.TableName;

final class NonConcurrentDropIndexRule extends StatementRule {

	NonConcurrentDropIndexRule() {
		super("LK-02", Severity.WARNING, "DROP INDEX without CONCURRENTLY",
				"DROP INDEX takes ACCESS EXCLUSIVE on the index's table: reads and writes wait, and so does "
						+ "everything queued behind them.",
				"DROP INDEX CONCURRENTLY IF EXISTS i, one index per statement, in a non-transactional section.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		return DropStatement.parse(ctx.tokens())
			.filter(drop -> drop.kind().equals("index") && !drop.concurrently())
			.filter(drop -> drop.names().stream().anyMatch(name -> !createdEarlier(ctx, name)))
			.map(drop -> List.of("DROP INDEX " + drop.namesText() + " locks its table against reads and writes"))
			.orElse(List.of());
	}

	private static boolean createdEarlier(StatementContext ctx, TableName index) {
		return ctx.earlier()
			.stream()
			.map(CreateIndex::parse)
			.flatMap(Optional::stream)
			.anyMatch(created -> created.name().filter(index.name()::equals).isPresent());
	}

}
