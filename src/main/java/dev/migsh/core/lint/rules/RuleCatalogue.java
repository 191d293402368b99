package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migsh.core.lint.Rule;

/** Every safety rule migsh knows, in catalogue order (DL, LK, BC, TX, OP). */
public final class RuleCatalogue {

	/** The id of the rule that reports a {@code migsh:allow} without a reason; it cannot itself be suppressed. */
	public static final String UNEXPLAINED_SUPPRESSION = "OP-12";

	private static final List<Rule> ALL = List.of(new DropTableRule(), new DropColumnRule(), new DropSchemaRule(),
			new DropDatabaseRule(), new TruncateRule(), new UnboundedDmlRule(), new NarrowingTypeChangeRule(),
			new DropCascadeRule(), new DropConstraintRule(), new SequenceResetRule(), new NonConcurrentIndexRule(),
			new NonConcurrentDropIndexRule(), new NonConcurrentReindexRule(), new AddColumnRewriteRule(),
			new TypeChangeRewriteRule(), new SetNotNullRule(), new CheckWithoutNotValidRule(),
			new ForeignKeyWithoutNotValidRule(), new UniqueConstraintRule(), new PrimaryKeyRule(),
			new ExclusionConstraintRule(), new ValidateInSameTransactionRule());

	private RuleCatalogue() {
	}

	public static List<Rule> all() {
		return ALL;
	}

	public static Set<String> ids() {
		return ALL.stream().map(Rule::id).collect(Collectors.toUnmodifiableSet());
	}

}
