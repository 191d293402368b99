package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Optional;

import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.StatementContext;
import dev.migsh.core.lint.TableName;
import dev.migsh.core.lint.Tokens;

final class EnumValueInTransactionRule extends StatementRule {

	EnumValueInTransactionRule() {
		super("TX-02", Severity.ERROR, "ALTER TYPE ... ADD VALUE in a transaction",
				"Before PostgreSQL 12, ADD VALUE cannot run inside a transaction block; from 12 on it can, but the "
						+ "new value cannot be used until the transaction commits ('unsafe use of new value').",
				"Add the value in its own migration (or a non-transactional section) and use it in a later one.");
	}

	@Override
	List<String> messages(StatementContext ctx) {
		Tokens t = ctx.tokens();
		int add = t.find(0, "add", "value");
		if (!ctx.transactional() || !t.startsWith("alter", "type") || add < 0) {
			return List.of();
		}
		Optional<TableName> type = t.nameAt(2);
		if (type.isPresent() && createdEarlier(ctx, type.get())) {
			return List.of();
		}
		int at = t.skip(add + 2, "if", "not", "exists");
		String value = t.stringAt(at).orElse("");
		if (!ctx.atLeast(120000)) {
			return List.of("ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12 "
					+ "(server is " + ctx.lint().majorVersion() + ")");
		}
		boolean used = ctx.later().stream().anyMatch(later -> usesString(later, value));
		return used ? List.of("enum value '" + value + "' is used later in the same transaction that adds it")
				: List.of();
	}

	private static boolean createdEarlier(StatementContext ctx, TableName type) {
		return ctx.earlier()
			.stream()
			.filter(t -> t.startsWith("create", "type"))
			.flatMap(t -> t.nameAt(2).stream())
			.anyMatch(type::sameAs);
	}

	private static boolean usesString(Tokens statement, String value) {
		for (int i = 0; i < statement.size(); i++) {
			if (statement.stringAt(i).filter(value::equals).isPresent()) {
				return true;
			}
		}
		return false;
	}

}
