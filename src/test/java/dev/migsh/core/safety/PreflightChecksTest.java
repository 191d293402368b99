package dev.migsh.core.safety;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migsh.core.MigrationFolder;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.apply.LockWaitListener;
import dev.migsh.core.apply.MigrationLock;
import dev.migsh.core.catalog.MigrationDirectory;
import dev.migsh.core.connect.Environment;
import dev.migsh.core.connect.TargetDatabase;
import dev.migsh.core.history.HistoryTable;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.plan.StatusReport;
import dev.migsh.core.safety.CheckResult.Status;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class PreflightChecksTest {

	@TempDir
	Path dir;

	private static final String USERS = "-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY, email text);\n"
			+ "-- migrate:down\nDROP TABLE users;\n";

	private MigrationFolder folder() {
		return new MigrationFolder(this.dir).write("001-users.sql", USERS);
	}

	private PreflightContext context(TestDatabase db, MigrationFolder folder) {
		return context(db.dataSource(), folder, Environment.DEVELOPMENT, ApplyTarget.all(), false);
	}

	private PreflightContext context(DataSource ds, MigrationFolder folder, Environment env, ApplyTarget target,
			boolean allowDataLoss) {
		TargetDatabase where = new TargetDatabase(env, "test", "db", "localhost", false);
		return Preflights.context(ds, folder.config(), where, target, allowDataLoss);
	}

	private CheckResult run(PreflightCheck check, PreflightContext context) {
		return Preflight.runOne(check, context);
	}

	private void applyAll(TestDatabase db, MigrationFolder folder) {
		folder.migrator(db).apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
	}

	@Test
	void everyCheckPassesOnACleanDevelopmentDatabase(TestDatabase db) {
		PreflightReport report = Preflight.standard().run(context(db, folder()));

		assertThat(report.results()).extracting(CheckResult::status).containsOnly(Status.OK);
		assertThat(report.results()).extracting(CheckResult::name)
			.containsExactly("connection", "primary", "plan", "privileges", "migration lock", "history tables",
					"history", "versions", "safety findings", "objects to create", "objects to change",
					"invalid indexes", "other sessions", "ssl");
		assertThat(report.refused()).isFalse();
	}

	@Test
	void connectionFailsWhenTheServerDoesNotAnswer(TestDatabase db) {
		PGSimpleDataSource closed = new PGSimpleDataSource();
		closed.setServerNames(new String[] { "localhost" });
		closed.setPortNumbers(new int[] { 1 });
		closed.setDatabaseName(db.name());
		closed.setUser(TestDatabase.USER);
		MigrationFolder folder = folder();
		PreflightContext context = new PreflightContext(closed, folder.config(), TargetDatabase.development("db"),
				StatusReport.of(MigrationDirectory.read(this.dir), List.of()), java.util.Optional.empty(),
				java.util.Optional.empty(), false);

		CheckResult result = run(new ConnectionCheck(), context);

		assertThat(result.status()).isEqualTo(Status.FAIL);
		assertThat(result.line()).startsWith("could not check:");
	}

	@Test
	void primaryFailsOnAReadOnlyDatabase(TestDatabase db) {
		MigrationFolder folder = folder();
		PreflightContext context = context(db, folder);
		db.jdbc().execute("ALTER DATABASE " + db.name() + " SET default_transaction_read_only = on");

		CheckResult result = run(new PrimaryCheck(), context);

		assertThat(result.status()).isEqualTo(Status.FAIL);
		assertThat(result.line()).contains("read-only");
	}

	@Test
	void privilegesFailForAUserWhoOwnsNothing(TestDatabase db) {
		MigrationFolder folder = folder();
		applyAll(db, folder);
		folder.write("002-alter.sql", "-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n");
		String role = db.name() + "_limited";
		db.jdbc()
			.execute("CREATE ROLE " + role + " LOGIN; GRANT USAGE ON SCHEMA migsh TO " + role
					+ "; GRANT SELECT ON ALL TABLES IN SCHEMA migsh TO " + role);
		PGSimpleDataSource limited = new PGSimpleDataSource();
		limited.setServerNames(new String[] { "localhost" });
		limited.setPortNumbers(new int[] { db.port() });
		limited.setDatabaseName(db.name());
		limited.setUser(role);

		CheckResult result = run(new PrivilegeCheck(),
				context(limited, folder, Environment.DEVELOPMENT, ApplyTarget.all(), false));

		assertThat(result.status()).isEqualTo(Status.FAIL);
		assertThat(result.line()).contains("user " + role, "INSERT, UPDATE, DELETE on migsh.history",
				"USAGE on sequence migsh.history_installed_rank_seq", "INSERT on migsh.audit",
				"ownership of public.users");
		assertThat(result.hint()).contains("GRANT INSERT, UPDATE, DELETE ON migsh.history TO " + role,
				"GRANT USAGE ON SEQUENCE migsh.history_installed_rank_seq TO " + role);
	}

	@Test
	void migrationLockWarnsNamingTheHolderWhileAnotherSessionHoldsIt(TestDatabase db) throws Exception {
		MigrationFolder folder = folder();
		try (Connection other = db.dataSource().getConnection();
				MigrationLock lock = MigrationLock.acquire(other, new HistoryTable("migsh").qualifiedName(),
						Duration.ZERO, LockWaitListener.none(), Cancellation.none())) {
			CheckResult result = run(new MigrationLockCheck(), context(db, folder));

			assertThat(result.status()).isEqualTo(Status.WARN);
			assertThat(result.line()).startsWith("held by pid ").endsWith("the change waits for it");
			assertThat(result.hint()).contains("pg_terminate_backend");
		}
	}

	@Test
	void historyFailsWhenAnAppliedFileChanged(TestDatabase db) {
		MigrationFolder folder = folder();
		applyAll(db, folder);
		folder.write("001-users.sql", USERS.replace("email text", "email varchar(200)"));

		PreflightReport report = Preflight.standard().run(context(db, folder));

		CheckResult history = report.results().stream().filter(r -> r.name().equals("history")).findFirst().get();
		assertThat(history.status()).isEqualTo(Status.FAIL);
		assertThat(history.line()).contains("001-users was edited after it was applied");
		assertThat(history.hint()).contains("repair");
		assertThat(report.refused()).isTrue();
	}

	@Test
	void versionsFailForAnOutOfOrderPendingMigrationAndWarnForADuplicateVersion(TestDatabase db) {
		MigrationFolder folder = new MigrationFolder(this.dir).write("002-users.sql", USERS);
		applyAll(db, folder);
		folder.write("001-early.sql", "-- migrate:up\nCREATE TABLE early (id int);\n");

		CheckResult outOfOrder = run(new VersionOrderCheck(), context(db, folder));

		assertThat(outOfOrder.status()).isEqualTo(Status.FAIL);
		assertThat(outOfOrder.line()).contains("out of order: 001-early");

		folder.delete("001-early.sql");
		folder.write("003-a.sql", "-- migrate:up\nSELECT 1;\n").write("003-b.sql", "-- migrate:up\nSELECT 2;\n");
		CheckResult duplicate = run(new VersionOrderCheck(), context(db, folder));

		assertThat(duplicate.status()).isEqualTo(Status.WARN);
		assertThat(duplicate.line()).contains("003-a", "003-b");
	}

	@Test
	void planFailsWhenTheTargetIsNotPending(TestDatabase db) {
		MigrationFolder folder = folder();
		applyAll(db, folder);

		CheckResult result = run(new PlanCheck(),
				context(db.dataSource(), folder, Environment.DEVELOPMENT, ApplyTarget.only("001-users"), false));

		assertThat(result.status()).isEqualTo(Status.FAIL);
		assertThat(result.line()).contains("001-users is not pending");
	}

	@Test
	void findingsFailForUnacknowledgedErrorsAndForDataLossWithoutPermission(TestDatabase db) {
		MigrationFolder folder = folder();
		applyAll(db, folder);
		folder.write("002-drop.sql", "-- migrate:up\nALTER TABLE users DROP COLUMN email;\n");

		CheckResult refused = run(new FindingsCheck(), context(db, folder));
		CheckResult allowed = run(new FindingsCheck(),
				context(db.dataSource(), folder, Environment.DEVELOPMENT, ApplyTarget.all(), true));

		assertThat(refused.status()).isEqualTo(Status.FAIL);
		assertThat(refused.line()).contains("data loss: DL-02 at 002-drop:2");
		assertThat(refused.hint()).contains("--allow-data-loss");
		assertThat(allowed.status()).isEqualTo(Status.WARN);

		folder.delete("002-drop.sql");
		folder.write("002-nick.sql", "-- migrate:up\nALTER TABLE users ADD COLUMN nick text NOT NULL;\n");
		CheckResult blocking = run(new FindingsCheck(), context(db, folder));

		assertThat(blocking.status()).isEqualTo(Status.FAIL);
		assertThat(blocking.line()).contains("BC-05 at 002-nick:2");
		assertThat(blocking.hint()).contains("migsh:allow");
	}

	@Test
	void findingsInProductionNeedAllowDataLossEvenForAPossibleLoss(TestDatabase db) {
		MigrationFolder folder = folder();
		applyAll(db, folder);
		folder.write("002-narrow.sql", "-- migrate:up\nALTER TABLE users ALTER COLUMN email TYPE varchar(20);\n");

		CheckResult development = run(new FindingsCheck(), context(db, folder));
		CheckResult production = run(new FindingsCheck(),
				context(db.dataSource(), folder, Environment.PRODUCTION, ApplyTarget.all(), false));

		assertThat(development.status()).isEqualTo(Status.WARN);
		assertThat(production.status()).isEqualTo(Status.FAIL);
		assertThat(production.line()).contains("data loss: DL-07 at 002-narrow:2");
	}

	@Test
	void findingsTreatALockingWarningOnALargeTableAsAnError(TestDatabase db) {
		MigrationFolder folder = folder();
		applyAll(db, folder);
		db.jdbc().execute("INSERT INTO users SELECT g, 'u' || g FROM generate_series(1, 200) g; ANALYZE users");
		folder.write("002-index.sql", "-- migrate:up\nCREATE INDEX users_email_idx ON users (email);\n");

		CheckResult small = run(new FindingsCheck(), context(db, folder));
		CheckResult large = run(new FindingsCheck(100), context(db, folder));

		assertThat(small.status()).isEqualTo(Status.WARN);
		assertThat(large.status()).isEqualTo(Status.FAIL);
		assertThat(large.line()).contains("LK-01 at 002-index:2 (public.users has ~200 rows)");
	}

	@Test
	void objectsToCreateFailsWhenATableWasCreatedByHandAndOffersMarkApplied(TestDatabase db) {
		MigrationFolder folder = folder();
		db.jdbc().execute("CREATE TABLE users (id int PRIMARY KEY, email text)");

		CheckResult result = run(new ExistingObjectsCheck(), context(db, folder));

		assertThat(result.status()).isEqualTo(Status.FAIL);
		assertThat(result.line()).contains("001-users creates table users, which already exists",
				"relation already exists");
		assertThat(result.hint()).contains("mark-applied 001-users");
	}

	@Test
	void otherSessionsFailsWhenASessionHoldsALockThePlanWaitsFor(TestDatabase db) throws Exception {
		MigrationFolder folder = folder();
		applyAll(db, folder);
		folder.write("002-bio.sql", "-- migrate:up\nALTER TABLE users ADD COLUMN bio text;\n");
		try (Connection reader = db.dataSource().getConnection(); Statement st = reader.createStatement()) {
			reader.setAutoCommit(false);
			st.execute("SELECT count(*) FROM users");

			CheckResult result = run(new OtherSessionsCheck(), context(db, folder));

			assertThat(result.status()).isEqualTo(Status.FAIL);
			assertThat(result.line()).contains("holds ACCESS SHARE on public.users",
					"the plan's ACCESS EXCLUSIVE waits for", "idle in transaction");
			assertThat(result.hint()).contains("pg_terminate_backend");
			reader.rollback();
		}
	}

	@Test
	void otherSessionsWarnsAboutIdleTransactionsThatHoldNothingThePlanNeeds(TestDatabase db) throws Exception {
		MigrationFolder folder = folder();
		try (Connection idle = db.dataSource().getConnection(); Statement st = idle.createStatement()) {
			idle.setAutoCommit(false);
			st.execute("SELECT 1");

			CheckResult result = run(new OtherSessionsCheck(), context(db, folder));

			assertThat(result.status()).isEqualTo(Status.WARN);
			assertThat(result.line()).startsWith("long or idle transactions: pid ");
			idle.rollback();
		}
	}

	@Test
	void sslIsNotNeededOverLocalhostEvenInProduction(TestDatabase db) {
		MigrationFolder folder = folder();

		CheckResult production = run(new SslCheck(),
				context(db.dataSource(), folder, Environment.PRODUCTION, ApplyTarget.all(), false));

		assertThat(production.status()).isEqualTo(Status.OK);
		assertThat(production.line()).isEqualTo("off, not needed: the connection stays on this machine (localhost)");
	}

	@Test
	void sslFailsForARemoteProductionServerUnlessInsecureIsAllowed(TestDatabase db) {
		MigrationFolder folder = folder();
		// the test server is local; the check is told the connection goes to another host
		TargetDatabase remote = new TargetDatabase(Environment.PRODUCTION, "--env", "app", "db.internal", false);
		TargetDatabase allowed = new TargetDatabase(Environment.PRODUCTION, "--env", "app", "db.internal", true);
		TargetDatabase staging = new TargetDatabase(Environment.STAGING, "--env", "app", "db.internal", false);

		CheckResult refused = run(new SslCheck(),
				Preflights.context(db.dataSource(), folder.config(), remote, ApplyTarget.all(), false));
		CheckResult overridden = run(new SslCheck(),
				Preflights.context(db.dataSource(), folder.config(), allowed, ApplyTarget.all(), false));
		CheckResult notProduction = run(new SslCheck(),
				Preflights.context(db.dataSource(), folder.config(), staging, ApplyTarget.all(), false));

		assertThat(refused.status()).isEqualTo(Status.FAIL);
		assertThat(refused.line()).contains("reached over the network (db.internal)");
		assertThat(refused.hint()).contains("sslmode=require").contains("--allow-insecure");
		assertThat(overridden.status()).isEqualTo(Status.WARN);
		assertThat(overridden.line()).contains("allowed by --allow-insecure");
		assertThat(notProduction.status()).isEqualTo(Status.OK);
	}

}
