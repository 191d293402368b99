package dev.migsh.core.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.MigshException;
import dev.migsh.core.Migrator;
import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.MigrationFolder;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connection parameters from URLs, pg_service.conf and PG* variables are honoured on a
 * real server, or refused naming the parameter and where it came from.
 */
@ExtendWith(FreshDatabase.class)
class ConnectionOptionsTest {

	@TempDir
	Path home;

	@TempDir
	Path work;

	private ConnectionSettings resolve(String url, Map<String, String> env) {
		return new SettingsResolver().resolve(ConnectRequest.ofUrl(url), env, this.work, this.home)
			.settings()
			.orElseThrow();
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@Test
	void optionsSearchPathMakesUnqualifiedNamesOfAMigrationLandInThatSchema(TestDatabase db) {
		db.jdbc().execute("CREATE SCHEMA auth");
		ConnectionSettings settings = resolve(db.url() + "?options=" + encoded("-c search_path=auth,public"),
				Map.of("USER", "tester"));
		MigrationFolder folder = new MigrationFolder(this.work)
			.write("001-users.sql",
					"-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY);\n"
							+ "INSERT INTO users VALUES (1);\n-- migrate:down\nDROP TABLE users;\n")
			.write("002-more-users.sql", "-- migrate:up\nINSERT INTO users VALUES (2);\n-- migrate:down\n"
					+ "DELETE FROM users WHERE id = 2;\n");
		try (Database database = Database.open(settings)) {
			assertThat(database.serverInfo().searchPath()).isEqualTo("auth,public");
			Migrator migrator = new Migrator(database.dataSource(), folder.config());
			migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
			// a migration that resets the session does not lose the connection's
			// search_path
			migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
		}
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM auth.users", Integer.class)).isEqualTo(2);
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('public.users') IS NULL", Boolean.class)).isTrue();
	}

	@Test
	void theSearchPathSettingWinsOverOptionsAndSurvivesASpaceAfterTheComma(TestDatabase db) {
		db.jdbc().execute("CREATE SCHEMA app");
		ConnectionSettings settings = resolve(db.url() + "?options=" + encoded("-c search_path=public"),
				Map.of("USER", "tester"))
			.withSearchPath("app, public", "migsh.toml:3");
		try (Database database = Database.open(settings)) {
			assertThat(database.serverInfo().searchPath()).isEqualTo("app, public");
		}
	}

	@Test
	void applicationNameConnectTimeoutAndTargetSessionAttrsReachTheDriver(TestDatabase db) {
		ConnectionSettings settings = resolve(db.url()
				+ "?application_name=deployer&connect_timeout=30&target_session_attrs=read-write" + "&keepalives=1",
				Map.of("USER", "tester"));
		assertThat(settings.jdbcProperties()).containsEntry("ApplicationName", "deployer")
			.containsEntry("connectTimeout", "30")
			.containsEntry("targetServerType", "primary")
			.containsEntry("tcpKeepAlive", "true");
		try (Database database = Database.open(settings)) {
			assertThat(new org.springframework.jdbc.core.JdbcTemplate(database.dataSource())
				.queryForObject("SELECT current_setting('application_name')", String.class)).isEqualTo("deployer");
		}
		ConnectionSettings standbyOnly = resolve(db.url() + "?target_session_attrs=standby", Map.of("USER", "tester"));
		assertThatThrownBy(() -> Database.open(standbyOnly).close()).isInstanceOf(ConnectionFailedException.class);
	}

	@Test
	void variablesAndServiceFileKeysAreParametersToo() throws Exception {
		ConnectionSettings settings = resolve("postgresql://u@db.example.com/app",
				Map.of("USER", "tester", "PGAPPNAME", "cron", "PGOPTIONS", "-c statement_timeout=0"));
		assertThat(settings.jdbcProperties()).containsEntry("ApplicationName", "cron")
			.containsEntry("options", "-c statement_timeout=0");
		assertThat(settings.options().origins()).containsEntry("application_name", "PGAPPNAME");
		java.nio.file.Files.writeString(this.home.resolve(".pg_service.conf"),
				"[ops]\nhost=db.example.com\ndbname=app\nconnect_timeout=7\nsslrootcert=/etc/ca.pem\n");
		ConnectionSettings service = new SettingsResolver()
			.resolve(ConnectRequest.none(), Map.of("USER", "tester", "PGSERVICE", "ops"), this.work, this.home)
			.settings()
			.orElseThrow();
		assertThat(service.jdbcProperties()).containsEntry("connectTimeout", "7")
			.containsEntry("sslrootcert", "/etc/ca.pem");
		assertThat(service.options().origins()).containsEntry("sslrootcert", "pg_service.conf [ops]");
		java.nio.file.Files.writeString(this.home.resolve(".pg_service.conf"),
				"[ops]\nhost=db.example.com\ndbname=app\nkeepalives_count=3\n");
		assertThatThrownBy(() -> new SettingsResolver().resolve(ConnectRequest.none(),
				Map.of("USER", "tester", "PGSERVICE", "ops"), this.work, this.home))
			.hasMessageContaining("'keepalives_count' (from pg_service.conf [ops])");
	}

	@Test
	void anUnhonourableParameterIsRefusedNamingItAndWhereItCameFrom() {
		assertThatThrownBy(() -> resolve("postgresql://u@db.example.com/app?keepalives_idle=60", Map.of()))
			.isInstanceOf(MigshException.class)
			.hasMessageContaining("'keepalives_idle' (from --url)")
			.satisfies((ex) -> assertThat(((MigshException) ex).hint()).contains("tcp_keepalives_idle"));
		assertThatThrownBy(() -> resolve("postgresql://u@db.example.com/app?tcp_user_timeout=1000", Map.of()))
			.hasMessageContaining("'tcp_user_timeout'");
		assertThatThrownBy(() -> resolve("postgresql://u@db.example.com/app", Map.of("PGSSLCRL", "/etc/crl.pem")))
			.hasMessageContaining("'sslcrl' (from PGSSLCRL)");
		assertThatThrownBy(() -> resolve("postgresql://u@db.example.com/app?search_path=auth", Map.of()))
			.hasMessageContaining("unknown connection parameter 'search_path'");
		assertThatThrownBy(() -> resolve("postgresql://u@db.example.com/app?preferQueryMode=simple", Map.of()))
			.hasMessageContaining("'preferQueryMode'")
			.hasMessageContaining("changes how statements run");
		assertThatThrownBy(() -> resolve("postgresql://u@db.example.com/app?target_session_attrs=writable", Map.of()))
			.hasMessageContaining("target_session_attrs 'writable'")
			.satisfies((ex) -> assertThat(((MigshException) ex).hint()).contains("read-write"));
	}

	@Test
	void sslFilesAndChannelBindingAreTranslatedAndTheKeyPasswordIsMasked() {
		ConnectionSettings settings = resolve("postgresql://u@db.example.com/app?sslmode=verify-full"
				+ "&sslrootcert=/etc/ca.pem&sslcert=/etc/client.crt&sslkey=/etc/client.pk8&sslpassword=hunter2"
				+ "&channel_binding=require&gssencmode=disable", Map.of());
		assertThat(settings.jdbcProperties()).containsEntry("sslrootcert", "/etc/ca.pem")
			.containsEntry("sslcert", "/etc/client.crt")
			.containsEntry("sslkey", "/etc/client.pk8")
			.containsEntry("channelBinding", "require")
			.containsEntry("gssEncMode", "disable")
			.containsEntry("sslmode", "verify-full");
		assertThat(settings.jdbcProperties().toString()).doesNotContain("hunter2");
		assertThat(settings.options().shown()).containsEntry("sslpassword", Secret.MASK);
		String url = "postgresql://u@db.example.com/app?sslpassword=hunter2&sslmode=require";
		assertThat(PostgresUrl.parse(url).redacted()).doesNotContain("hunter2");
		assertThat(Redaction.redactUrlPasswords(url)).doesNotContain("hunter2");
		assertThat(ConnectRequest.ofUrl(url).toString()).doesNotContain("hunter2");
	}

}
