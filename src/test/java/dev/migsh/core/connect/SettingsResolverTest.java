package dev.migsh.core.connect;

import org.junit.jupiter.api.Test;

import dev.migsh.core.MigshException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsResolverTest extends ResolverFixture {

	@Test
	void takesEverythingFromTheRequestUrl() {
		ConnectionSettings s = settings(
				ConnectRequest.ofUrl("postgres://ops:pw@db.example.com:6000/lms?sslmode=require"), env());
		assertThat(s.host()).isEqualTo("db.example.com");
		assertThat(s.port()).isEqualTo(6000);
		assertThat(s.database()).isEqualTo("lms");
		assertThat(s.user()).isEqualTo("ops");
		assertThat(s.password()).isEqualTo(Secret.of("pw"));
		assertThat(s.sslMode()).isEqualTo("require");
		assertThat(s.origins()).containsOnlyKeys(Setting.values())
			.allSatisfy((k, v) -> assertThat(v).isEqualTo("--url"));
	}

	@Test
	void takesTheRequestFieldsNamingEachFlag() {
		ConnectionSettings s = settings(new ConnectRequest(null, "db", 5440, "app", "bob", "disable", null), env());
		assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5440/app");
		assertThat(s.user()).isEqualTo("bob");
		assertThat(s.sslMode()).isEqualTo("disable");
		assertThat(s.origin(Setting.HOST)).isEqualTo("--host");
		assertThat(s.origin(Setting.PORT)).isEqualTo("--port");
		assertThat(s.origin(Setting.DATABASE)).isEqualTo("--database");
		assertThat(s.origin(Setting.USER)).isEqualTo("--user");
		assertThat(s.origin(Setting.SSLMODE)).isEqualTo("--sslmode");
	}

	@Test
	void takesMigshUrlAlone() {
		ConnectionSettings s = settings(env("MIGSH_URL", "postgresql://ops@db/app"));
		assertThat(s.displayUrl()).isEqualTo("postgresql://ops@db:5432/app");
		assertThat(s.origin(Setting.HOST)).isEqualTo("MIGSH_URL");
		assertThat(s.origin(Setting.PORT)).isEqualTo("default");
	}

	@Test
	void takesDatabaseUrlAlone() {
		ConnectionSettings s = settings(env("DATABASE_URL", "postgres://ops:pw@db:5555/app"));
		assertThat(s.port()).isEqualTo(5555);
		assertThat(s.origin(Setting.PASSWORD)).isEqualTo("DATABASE_URL");
	}

	@Test
	void takesTheSeedsDbVariablesAlone() {
		ConnectionSettings s = settings(
				env("DB_HOST", "db", "DB_PORT", "5433", "DB_DATABASE", "lms", "DB_USER", "app", "DB_PASSWORD", "pw"));
		assertThat(s.displayUrl()).isEqualTo("postgresql://app@db:5433/lms");
		assertThat(s.password()).isEqualTo(Secret.of("pw"));
		assertThat(s.origin(Setting.HOST)).isEqualTo("DB_HOST");
		assertThat(s.origin(Setting.PORT)).isEqualTo("DB_PORT");
		assertThat(s.origin(Setting.DATABASE)).isEqualTo("DB_DATABASE");
		assertThat(s.origin(Setting.USER)).isEqualTo("DB_USER");
		assertThat(s.origin(Setting.PASSWORD)).isEqualTo("DB_PASSWORD");
	}

	@Test
	void takesLibpqVariablesAlone() {
		ConnectionSettings s = settings(env("PGHOST", "db", "PGPORT", "5434", "PGDATABASE", "lms", "PGUSER", "app",
				"PGPASSWORD", "pw", "PGSSLMODE", "verify-full"));
		assertThat(s.displayUrl()).isEqualTo("postgresql://app@db:5434/lms");
		assertThat(s.sslMode()).isEqualTo("verify-full");
		assertThat(s.origins()).containsEntry(Setting.HOST, "PGHOST")
			.containsEntry(Setting.PORT, "PGPORT")
			.containsEntry(Setting.DATABASE, "PGDATABASE")
			.containsEntry(Setting.USER, "PGUSER")
			.containsEntry(Setting.PASSWORD, "PGPASSWORD")
			.containsEntry(Setting.SSLMODE, "PGSSLMODE");
	}

	@Test
	void fillsDefaultsForWhatNoSourceGives() {
		ConnectionSettings s = settings(env("PGHOST", "db"));
		assertThat(s.port()).isEqualTo(5432);
		assertThat(s.user()).isEqualTo("alice");
		assertThat(s.database()).isEqualTo("alice");
		assertThat(s.sslMode()).isEqualTo("prefer");
		assertThat(s.password()).isNull();
		assertThat(s.origin(Setting.PASSWORD)).isEqualTo("not set");
		assertThat(s.origins()).containsEntry(Setting.PORT, "default")
			.containsEntry(Setting.USER, "default")
			.containsEntry(Setting.DATABASE, "default")
			.containsEntry(Setting.SSLMODE, "default");
	}

	@Test
	void theDefaultDatabaseIsTheResolvedUser() {
		ConnectionSettings s = settings(env("PGHOST", "db", "PGUSER", "carol"));
		assertThat(s.database()).isEqualTo("carol");
	}

	@Test
	void theDefaultUserFallsBackToTheJavaUserName() {
		java.util.Map<String, String> env = env("PGDATABASE", "app");
		env.remove("USER");
		assertThat(settings(env).user()).isEqualTo(System.getProperty("user.name"));
	}

	@Test
	void theDefaultHostIsLocalhost() {
		ConnectionSettings s = settings(env("PGDATABASE", "app"));
		assertThat(s.host()).isEqualTo("localhost");
		assertThat(s.origin(Setting.HOST)).isEqualTo("default");
	}

	@Test
	void mixesSourcesSettingBySetting() {
		ConnectionSettings s = settings(ConnectRequest.ofUrl("postgresql://ops@db.example.com/lms"),
				env("PGPASSWORD", "pw", "PGPORT", "6432"));
		assertThat(s.host()).isEqualTo("db.example.com");
		assertThat(s.origin(Setting.HOST)).isEqualTo("--url");
		assertThat(s.password()).isEqualTo(Secret.of("pw"));
		assertThat(s.origin(Setting.PASSWORD)).isEqualTo("PGPASSWORD");
		assertThat(s.port()).isEqualTo(6432);
		assertThat(s.origin(Setting.PORT)).isEqualTo("PGPORT");
	}

	@Test
	void theRequestBeatsMigshUrl() {
		ConnectionSettings s = settings(ConnectRequest.ofUrl("postgresql://flag-host/app"),
				env("MIGSH_URL", "postgresql://u:pw@env-host/other"));
		assertThat(s.host()).isEqualTo("flag-host");
		assertThat(s.origin(Setting.HOST)).isEqualTo("--url");
		assertThat(s.database()).isEqualTo("app");
		assertThat(s.user()).isEqualTo("u");
		assertThat(s.origin(Setting.USER)).isEqualTo("MIGSH_URL");
	}

	@Test
	void aRequestFieldBeatsTheRequestUrl() {
		ConnectionSettings s = settings(request("postgresql://db/app", null, null, "other", null), env());
		assertThat(s.database()).isEqualTo("other");
		assertThat(s.origin(Setting.DATABASE)).isEqualTo("--database");
		assertThat(s.origin(Setting.HOST)).isEqualTo("--url");
	}

	@Test
	void migshUrlReplacesDatabaseUrlWhole() {
		ConnectionSettings s = settings(
				env("MIGSH_URL", "postgresql://migsh-host", "DATABASE_URL", "postgresql://other:pw@db-host:7000/db"));
		assertThat(s.host()).isEqualTo("migsh-host");
		assertThat(s.port()).isEqualTo(5432);
		assertThat(s.password()).isNull();
		assertThat(s.database()).isEqualTo("alice");
	}

	@Test
	void migshUrlBeatsDbVariables() {
		ConnectionSettings s = settings(
				env("MIGSH_URL", "postgresql://url-host/app", "DB_HOST", "db-host", "DB_USER", "dbuser"));
		assertThat(s.host()).isEqualTo("url-host");
		assertThat(s.origin(Setting.HOST)).isEqualTo("MIGSH_URL");
		assertThat(s.user()).isEqualTo("dbuser");
		assertThat(s.origin(Setting.USER)).isEqualTo("DB_USER");
	}

	@Test
	void databaseUrlBeatsDbVariables() {
		ConnectionSettings s = settings(env("DATABASE_URL", "postgresql://url-host/app", "DB_HOST", "db-host"));
		assertThat(s.host()).isEqualTo("url-host");
		assertThat(s.origin(Setting.HOST)).isEqualTo("DATABASE_URL");
	}

	@Test
	void dbVariablesBeatLibpqVariables() {
		ConnectionSettings s = settings(env("DB_HOST", "db-host", "PGHOST", "pg-host", "DB_PASSWORD", "a", "PGPASSWORD",
				"b", "PGDATABASE", "pgdb"));
		assertThat(s.host()).isEqualTo("db-host");
		assertThat(s.origin(Setting.HOST)).isEqualTo("DB_HOST");
		assertThat(s.password()).isEqualTo(Secret.of("a"));
		assertThat(s.origin(Setting.PASSWORD)).isEqualTo("DB_PASSWORD");
		assertThat(s.database()).isEqualTo("pgdb");
	}

	@Test
	void libpqVariablesBeatTheDotEnvFile() {
		dotEnv("PGHOST=file-host", "PGPORT=7777");
		ConnectionSettings s = settings(env("PGHOST", "env-host"));
		assertThat(s.host()).isEqualTo("env-host");
		assertThat(s.origin(Setting.HOST)).isEqualTo("PGHOST");
		assertThat(s.port()).isEqualTo(7777);
		assertThat(s.origin(Setting.PORT)).isEqualTo(".env (PGPORT)");
	}

	@Test
	void takesTheDotEnvFileAlone() {
		dotEnv("DB_HOST=db", "DB_DATABASE=lms", "DB_USER=app", "DB_PASSWORD=pw");
		ConnectionSettings s = settings(env());
		assertThat(s.displayUrl()).isEqualTo("postgresql://app@db:5432/lms");
		assertThat(s.password()).isEqualTo(Secret.of("pw"));
		assertThat(s.origin(Setting.HOST)).isEqualTo(".env (DB_HOST)");
		assertThat(s.origin(Setting.PASSWORD)).isEqualTo(".env (DB_PASSWORD)");
	}

	@Test
	void insideTheDotEnvFileAUrlBeatsDbVariablesWhichBeatLibpqVariables() {
		dotEnv("DATABASE_URL=postgresql://url-host/app", "DB_HOST=db-host", "DB_USER=dbuser", "PGUSER=pguser",
				"PGPORT=6000");
		ConnectionSettings s = settings(env());
		assertThat(s.host()).isEqualTo("url-host");
		assertThat(s.origin(Setting.HOST)).isEqualTo(".env (DATABASE_URL)");
		assertThat(s.user()).isEqualTo("dbuser");
		assertThat(s.origin(Setting.USER)).isEqualTo(".env (DB_USER)");
		assertThat(s.port()).isEqualTo(6000);
		assertThat(s.origin(Setting.PORT)).isEqualTo(".env (PGPORT)");
	}

	@Test
	void anUnparsableMigshUrlNamesTheVariable() {
		assertThatThrownBy(() -> resolve(env("MIGSH_URL", "http://db/app"))).isInstanceOf(MigshException.class)
			.hasMessageStartingWith("MIGSH_URL is not a PostgreSQL URL");
	}

	@Test
	void aBadPortNamesWhereItCameFrom() {
		assertThatThrownBy(() -> resolve(env("PGHOST", "db", "PGPORT", "fivefour"))).isInstanceOf(MigshException.class)
			.hasMessageContaining("PGPORT")
			.hasMessageContaining("fivefour");
	}

	@Test
	void aBadSslModeNamesWhereItCameFrom() {
		dotEnv("PGHOST=db", "PGSSLMODE=sometimes");
		assertThatThrownBy(() -> resolve(env())).isInstanceOf(MigshException.class)
			.hasMessageContaining(".env (PGSSLMODE)")
			.satisfies((ex) -> assertThat(((MigshException) ex).hint()).contains("verify-full"));
	}

	@Test
	void isTheSandboxWhenNothingIsConfigured() {
		Resolution resolution = resolve(env());
		assertThat(resolution.sandbox()).isTrue();
		assertThat(resolution.settings()).isEmpty();
	}

	@Test
	void isTheSandboxWhenOnlyCredentialsOrAPortAreSet() {
		assertThat(resolve(env("PGUSER", "bob", "PGPASSWORD", "pw", "PGPORT", "5433")).sandbox()).isTrue();
		write(this.home, ".pgpass", "*:*:*:*:pw");
		assertThat(resolve(env()).sandbox()).isTrue();
	}

	@Test
	void isNotTheSandboxWhenOnlyAHostIsSet() {
		Resolution resolution = resolve(env("PGHOST", "db"));
		assertThat(resolution.sandbox()).isFalse();
		assertThat(resolution.settings().orElseThrow().host()).isEqualTo("db");
	}

	@Test
	void isNotTheSandboxWhenOnlyADatabaseIsInTheDotEnvFile() {
		dotEnv("DB_DATABASE=lms");
		assertThat(resolve(env()).sandbox()).isFalse();
	}

	@Test
	void blankVariablesCountAsUnset() {
		assertThat(resolve(env("PGHOST", "", "MIGSH_URL", "  ")).sandbox()).isTrue();
	}

}
