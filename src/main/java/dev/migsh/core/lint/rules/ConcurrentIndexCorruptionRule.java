package dev.migsh.core.lint.rules;

import java.util.List;

import dev.migsh.core.lint.CreateIndex;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;

final class ConcurrentIndexCorruptionRule extends StatementRule {

	ConcurrentIndexCorruptionRule() {
		super("LK-23", Severity.ERROR, "CONCURRENTLY index builds on PostgreSQL 14.0 to 14.3",
				"On 14.0-14.3, CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY can silently build corrupt "
						+ "indexes (fixed in 14.4).",
				"Upgrade the server to 14.4 or later before building indexes concurrently, then check existing "
						+ "ones with amcheck (bt_index_check) and rebuild any that were built concurrently on 14.0-14.3.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		int version = ctx.lint().serverVersionNum();
		if (version < 140000 || version >= 140004) {
			return List.of();
		}
		boolean cic = CreateIndex.parse(ctx.tokens()).filter(CreateIndex::concurrently).isPresent();
		boolean reindex = NonConcurrentReindexRule.concurrently(ctx.tokens());
		return (cic || reindex) ? List
			.of("building an index CONCURRENTLY on PostgreSQL 14." + (version % 100) + " can corrupt it silently")
				: List.of();
	}

}
