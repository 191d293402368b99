package dev.migsh.core.lint;

import org.junit.jupiter.api.Test;

import dev.migsh.core.catalog.SqlStatement;

import static org.assertj.core.api.Assertions.assertThat;

class StatementLocksTest {

	private static final LintContext PG17 = LintContext.forServer(170006);

	private static LockInfo lock(String sql, LintContext ctx) {
		return StatementLocks.lockOf(new SqlStatement(sql, 1, 1), ctx);
	}

	private static LockInfo lock(String sql) {
		return lock(sql, PG17);
	}

	@Test
	void addColumnWithConstantDefaultTakesAccessExclusiveWithoutRewriteFromEleven() {
		LockInfo info = lock("ALTER TABLE users ADD COLUMN score int DEFAULT 0");
		assertThat(info.locks()).containsExactly(new TableLock(TableName.of("users"), LockMode.ACCESS_EXCLUSIVE));
		assertThat(info.rewrite()).isFalse();
		assertThat(lock("ALTER TABLE users ADD COLUMN score int DEFAULT 0", LintContext.forServer(100023)).rewrite())
			.isTrue();
		assertThat(lock("ALTER TABLE users ADD COLUMN t timestamptz DEFAULT clock_timestamp()").rewrite()).isTrue();
	}

	@Test
	void createIndexTakesShareAndConcurrentlyShareUpdateExclusive() {
		assertThat(lock("CREATE INDEX i ON users (email)").locks())
			.containsExactly(new TableLock(TableName.of("users"), LockMode.SHARE));
		assertThat(lock("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON app.users (email)").locks())
			.containsExactly(new TableLock(new TableName("app", "users"), LockMode.SHARE_UPDATE_EXCLUSIVE));
	}

	@Test
	void foreignKeyLocksBothTablesAgainstWrites() {
		LockInfo info = lock("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id)");
		assertThat(info.modeOn(TableName.of("orders"))).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
		assertThat(info.modeOn(TableName.of("users"))).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
		assertThat(info.scan()).isTrue();
		assertThat(lock("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID")
			.scan()).isFalse();
	}

	@Test
	void strictestActionOfAnAlterTableWins() {
		LockInfo info = lock("ALTER TABLE users VALIDATE CONSTRAINT c, ALTER COLUMN name SET STATISTICS 500");
		assertThat(info.strongest()).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
		assertThat(lock("ALTER TABLE users VALIDATE CONSTRAINT c, DROP COLUMN x").strongest())
			.isEqualTo(LockMode.ACCESS_EXCLUSIVE);
	}

	@Test
	void typeChangeRewritesUnlessTheNewTypeIsText() {
		assertThat(lock("ALTER TABLE users ALTER COLUMN age TYPE bigint").rewrite()).isTrue();
		assertThat(lock("ALTER TABLE users ALTER COLUMN name TYPE text").rewrite()).isFalse();
	}

	@Test
	void dmlAndReadsTakeTheirDocumentedModes() {
		assertThat(lock("SELECT * FROM users WHERE id = 1").strongest()).isEqualTo(LockMode.ACCESS_SHARE);
		assertThat(lock("UPDATE users SET a = 1 WHERE id = 1").locks())
			.containsExactly(new TableLock(TableName.of("users"), LockMode.ROW_EXCLUSIVE));
		assertThat(lock("DELETE FROM ONLY users WHERE id = 1").strongest()).isEqualTo(LockMode.ROW_EXCLUSIVE);
		assertThat(lock("INSERT INTO users (id) VALUES (1)").strongest()).isEqualTo(LockMode.ROW_EXCLUSIVE);
	}

	@Test
	void maintenanceCommands() {
		LockInfo full = lock("VACUUM (FULL) users");
		assertThat(full.strongest()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
		assertThat(full.rewrite()).isTrue();
		assertThat(lock("VACUUM ANALYZE users").strongest()).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
		assertThat(lock("CLUSTER users USING users_pkey").rewrite()).isTrue();
		assertThat(lock("REINDEX TABLE users").strongest()).isEqualTo(LockMode.SHARE);
		assertThat(lock("REINDEX TABLE CONCURRENTLY users").strongest()).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
		assertThat(lock("REFRESH MATERIALIZED VIEW CONCURRENTLY mv").strongest()).isEqualTo(LockMode.EXCLUSIVE);
		assertThat(lock("TRUNCATE a, b CASCADE").locks()).extracting(l -> l.table().name()).containsExactly("a", "b");
	}

	@Test
	void explicitLockUsesTheNamedMode() {
		assertThat(lock("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE").locks())
			.containsExactly(new TableLock(TableName.of("users"), LockMode.SHARE_ROW_EXCLUSIVE));
		assertThat(lock("LOCK users").strongest()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
	}

	@Test
	void attachPartitionLocksTheParentLightlyFromTwelve() {
		String sql = "ALTER TABLE m ATTACH PARTITION m_2024 FOR VALUES FROM (1) TO (2)";
		LockInfo info = lock(sql);
		assertThat(info.modeOn(TableName.of("m"))).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
		assertThat(info.modeOn(TableName.of("m_2024"))).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
		assertThat(lock(sql, LintContext.forServer(110000)).modeOn(TableName.of("m")))
			.isEqualTo(LockMode.ACCESS_EXCLUSIVE);
	}

	@Test
	void triggersAndEnumValues() {
		assertThat(lock("CREATE TRIGGER t AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION f()").strongest())
			.isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
		assertThat(lock("ALTER TABLE users DISABLE TRIGGER t").strongest()).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
		LockInfo enumValue = lock("ALTER TYPE status ADD VALUE 'x'");
		assertThat(enumValue.locks()).isEmpty();
		assertThat(enumValue.note()).contains("no table lock");
	}

	@Test
	void lockModesKnowWhatTheyBlock() {
		assertThat(LockMode.ACCESS_EXCLUSIVE.blocksReads()).isTrue();
		assertThat(LockMode.SHARE.blocksReads()).isFalse();
		assertThat(LockMode.SHARE.blocksWrites()).isTrue();
		assertThat(LockMode.SHARE_UPDATE_EXCLUSIVE.blocksWrites()).isFalse();
		assertThat(LockMode.SHARE_ROW_EXCLUSIVE.sqlName()).isEqualTo("SHARE ROW EXCLUSIVE");
	}

}
