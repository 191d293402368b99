package dev.migsh.core.lint.rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migsh.core.lint.Rule;

/** Every safety rule migsh knows, in catalogue order (DL, LK, BC, TX, OP). */
public final class RuleCatalogue {

	/**
	 * The id of the rule that reports a {@code migsh:allow} without a reason; it cannot
	 * itself be suppressed.
	 */
	public static final String UNEXPLAINED_SUPPRESSION = "OP-12";

	private static final List<Rule> ALL = List.of(
			// data loss
			new DropTableRule(), new DropColumnRule(), new DropSchemaRule(), new DropDatabaseRule(), new TruncateRule(),
			new UnboundedDmlRule(), new NarrowingTypeChangeRule(), new DropCascadeRule(), new DropConstraintRule(),
			new SequenceResetRule(),
			// locking and rewrites
			new NonConcurrentIndexRule(), new NonConcurrentDropIndexRule(), new NonConcurrentReindexRule(),
			new AddColumnRewriteRule(), new TypeChangeRewriteRule(), new SetNotNullRule(),
			new CheckWithoutNotValidRule(), new ForeignKeyWithoutNotValidRule(), new UniqueConstraintRule(),
			new PrimaryKeyRule(), new ExclusionConstraintRule(), new ValidateInSameTransactionRule(),
			new DetachPartitionRule(), new AttachPartitionRule(), new TableRewriteCommandRule(),
			new RefreshMaterializedViewRule(), new TriggerLockRule(), new MoveTableRule(), new ExplicitLockRule(),
			new BackfillWithDdlRule(), new DomainConstraintRule(), new ManyTablesLockedRule(),
			new ConcurrentIndexCorruptionRule(),
			// backward incompatible
			new RenameColumnRule(), new RenameTableRule(), new RenameSchemaRule(), new RenameEnumValueRule(),
			new RequiredColumnRule(), new DropNotNullRule(), new DropObjectInUseRule(), new EnumValueOrderRule(),
			new JsonColumnRule(), new PrivilegeChangeRule(), new DropDefaultRule(),
			// transactions
			new ConcurrentlyInTransactionRule(), new EnumValueInTransactionRule(), new NonTransactionalStatementRule(),
			new TransactionControlRule(), new NonIdempotentRetryRule(), new SessionSettingRule(),
			// operational
			new LockTimeoutOverrideRule(), new LongIdentifierRule(), new PasswordLiteralRule(),
			new UnexplainedSuppressionRule());

	private RuleCatalogue() {
	}

	public static List<Rule> all() {
		return ALL;
	}

	private static final Set<String> IDS = ALL.stream().map(Rule::id).collect(Collectors.toUnmodifiableSet());

	/** The ids of every rule, for checking the ids named in suppressions. */
	public static Set<String> ids() {
		return IDS;
	}

}
