package dev.migsh.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.MigshException;
import dev.migsh.core.UsageException;
import dev.migsh.core.connect.ConnectRequest;
import dev.migsh.core.connect.ConnectionSettings;
import dev.migsh.core.connect.Environment;
import dev.migsh.core.connect.ProjectTarget;
import dev.migsh.core.connect.Resolution;
import dev.migsh.core.connect.Setting;
import dev.migsh.core.connect.SettingsResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * migsh.toml: found, checked key by key with file:line errors, ranked below flags and
 * environment variables, its targets feeding the connection, its secrets never written
 * out.
 */
class ProjectSettingsTest {

	@TempDir
	Path work;

	@TempDir
	Path home;

	private static final String FILE = """
			# the lms project
			migrations = "db/migrations"
			history_schema = "ops"
			lock_wait = "2m"
			lock_timeout = "3s"
			statement_timeout = "0"
			search_path = ["auth", "public"]
			placeholder_prefix = "{{ "
			placeholder_suffix = " }}"
			target = "dev"

			[placeholders]
			schema = "app"
			api_token = "${env:LMS_TOKEN}"

			[targets.dev]
			url = "postgresql://dev@localhost:5433/lms?application_name=lms-dev"
			env = "development"

			[targets.prod]
			url = "postgresql://deployer:${env:LMS_PROD_PASSWORD}@db.example.com/lms?sslmode=verify-full"
			env = "production"
			""";

	private Path write(String name, String text) throws IOException {
		Path file = this.work.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text);
	}

	private ProjectSettings resolve(ProjectFlags flags, Map<String, String> env) {
		return ProjectSettings.resolve(flags, env, this.work);
	}

	private static ProjectFlags flags(String config, String target, String schema, String lockWait) {
		return new ProjectFlags(config, target, null, schema, lockWait, null, null, null, null, null, Map.of());
	}

	private static Map<String, String> secrets() {
		return Map.of("LMS_TOKEN", "tok-123", "LMS_PROD_PASSWORD", "s3cr/t@pw", "USER", "alice");
	}

	@Test
	void everySettingOfTheFileIsReadWithItsLineAndPathsAreRelativeToTheFile() throws IOException {
		write("migsh.toml", FILE);

		ProjectSettings settings = resolve(ProjectFlags.NONE, secrets());

		assertThat(settings.file()).map(Sourced::origin).contains("working directory");
		assertThat(settings.migrations())
			.isEqualTo(new Sourced<>(this.work.toAbsolutePath().resolve("db/migrations"), "migsh.toml:2"));
		assertThat(settings.historySchema()).isEqualTo(new Sourced<>("ops", "migsh.toml:3"));
		assertThat(settings.lockWait()).isEqualTo(new Sourced<>(Duration.ofMinutes(2), "migsh.toml:4"));
		assertThat(settings.lockTimeout()).isEqualTo(new Sourced<>(Duration.ofSeconds(3), "migsh.toml:5"));
		assertThat(settings.statementTimeout()).isEqualTo(new Sourced<>(Duration.ZERO, "migsh.toml:6"));
		assertThat(settings.searchPath()).contains(new Sourced<>("auth, public", "migsh.toml:7"));
		assertThat(settings.placeholders().values()).containsEntry("schema", "app")
			.containsEntry("api_token", "tok-123");
		assertThat(settings.placeholders().prefix()).isEqualTo("{{ ");
		assertThat(settings.placeholderOrigins()).containsEntry("schema", "migsh.toml:13")
			.containsEntry("prefix", "migsh.toml:8");
		assertThat(settings.placeholders().shown()).containsEntry("api_token", "********");
		assertThat(settings.target()).map(ProjectTarget::name).contains("dev");
		assertThat(settings.target()).map(ProjectTarget::explicit).contains(false);
	}

	@Test
	void flagsBeatVariablesWhichBeatTheFileWhichBeatsTheDefaults() throws IOException {
		write("migsh.toml", FILE);
		Map<String, String> env = new java.util.HashMap<>(secrets());
		env.put("MIGSH_SCHEMA", "from_env");
		env.put("MIGSH_LOCK_WAIT", "30s");
		env.put("MIGSH_PLACEHOLDER_schema", "env_app");
		// a developer has no production password: only that target is unusable
		env.remove("LMS_PROD_PASSWORD");

		ProjectSettings settings = resolve(flags(null, null, "from_flag", null), env);

		assertThat(settings.historySchema()).isEqualTo(new Sourced<>("from_flag", "--schema"));
		assertThat(settings.lockWait()).isEqualTo(new Sourced<>(Duration.ofSeconds(30), "MIGSH_LOCK_WAIT"));
		assertThat(settings.lockTimeout().origin()).isEqualTo("migsh.toml:5");
		assertThat(settings.placeholders().values()).containsEntry("schema", "env_app");
		assertThat(settings.placeholderOrigins()).containsEntry("schema", "MIGSH_PLACEHOLDER_schema");

		assertThatThrownBy(() -> settings.target("prod", "connect prod"))
			.hasMessageContaining("migsh.toml:21: ${env:LMS_PROD_PASSWORD} names an environment variable");

		Path elsewhere = Files.createDirectories(this.work.resolve("elsewhere"));
		ProjectSettings none = ProjectSettings.defaults(elsewhere);
		assertThat(none.file()).isEmpty();
		assertThat(none.historySchema()).isEqualTo(new Sourced<>("migsh", "default"));
		assertThat(none.lockTimeout()).isEqualTo(new Sourced<>(Duration.ofSeconds(5), "default"));
		assertThat(none.migrations().value()).isEqualTo(elsewhere.toAbsolutePath().resolve("migrations"));
		assertThat(none.searchPath()).isEmpty();
	}

	@Test
	void configNamesAFileElsewhereAndAMissingOneIsAnError() throws IOException {
		Path file = write("deploy/project.toml", "migrations = \"sql\"\n");

		ProjectSettings settings = resolve(flags("deploy/project.toml", null, null, null), Map.of());
		assertThat(settings.migrations().value()).isEqualTo(file.getParent().resolve("sql"));
		assertThat(settings.migrations().origin()).isEqualTo(file + ":1");
		assertThat(resolve(ProjectFlags.NONE, Map.of("MIGSH_CONFIG", "deploy/project.toml")).file())
			.map(Sourced::origin)
			.contains("MIGSH_CONFIG");
		assertThatThrownBy(() -> resolve(flags("nope.toml", null, null, null), Map.of()))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("--config names")
			.hasMessageContaining("which does not exist");
	}

	@Test
	void unknownKeysWrongTypesAndBadSyntaxNameFileLineAndWhatIsValid() throws IOException {
		write("migsh.toml", "history_schema = \"ops\"\nmigration = \"db\"\n");
		assertThatThrownBy(() -> resolve(ProjectFlags.NONE, Map.of())).isInstanceOf(MigshException.class)
			.hasMessage("migsh.toml:2: unknown key 'migration' in the project file")
			.satisfies((ex) -> assertThat(((MigshException) ex).hint()).contains("migrations")
				.contains("history_schema")
				.contains("[targets.NAME]"));

		write("migsh.toml", "\nlock_wait = 60\n");
		assertThatThrownBy(() -> resolve(ProjectFlags.NONE, Map.of()))
			.hasMessage("migsh.toml:2: lock_wait must be a string in quotes, not an integer");

		write("migsh.toml", "lock_timeout = \"5 seconds\"\n");
		assertThatThrownBy(() -> resolve(ProjectFlags.NONE, Map.of()))
			.hasMessageContaining("migsh.toml:1: lock_timeout = '5 seconds' is not a duration");

		write("migsh.toml", "[targets.prod]\nurl = \"postgresql://db/lms\"\nenviron = \"production\"\n");
		assertThatThrownBy(() -> resolve(ProjectFlags.NONE, Map.of()))
			.hasMessage("migsh.toml:3: unknown key 'environ' in [targets.prod]")
			.satisfies((ex) -> assertThat(((MigshException) ex).hint()).contains("url, host, port"));

		write("migsh.toml", "[targets.prod]\nport = \"5432\"\n");
		assertThatThrownBy(() -> resolve(ProjectFlags.NONE, Map.of()))
			.hasMessage("migsh.toml:2: port must be a port number from 1 to 65535, not a string");

		write("migsh.toml", "migrations = db/migrations\n");
		assertThatThrownBy(() -> resolve(ProjectFlags.NONE, Map.of())).hasMessageStartingWith("migsh.toml:1:")
			.hasMessageContaining("not valid TOML");

		write("migsh.toml", "target = \"staging\"\n[targets.prod]\nhost = \"db\"\n");
		assertThatThrownBy(() -> resolve(ProjectFlags.NONE, Map.of()))
			.hasMessageContaining("migsh.toml:1: target = 'staging', but there is no [targets.staging]");
	}

	@Test
	void passwordsAndSecretPlaceholdersWrittenOutAreRefusedAndReferencesAreRead() throws IOException {
		write("migsh.toml", "[targets.prod]\nurl = \"postgresql://deployer:hunter2@db.example.com/lms\"\n");
		assertThatThrownBy(() -> resolve(ProjectFlags.NONE, Map.of())).isInstanceOf(MigshException.class)
			.hasMessageContaining("migsh.toml:2: the url of target prod holds a password")
			.hasMessageNotContaining("hunter2")
			.satisfies((ex) -> assertThat(((MigshException) ex).hint()).contains("${env:PROD_PASSWORD}"));

		write("migsh.toml", "[targets.prod]\nhost = \"db\"\npassword = \"hunter2\"\n");
		assertThatThrownBy(() -> resolve(ProjectFlags.NONE, Map.of())).hasMessageContaining("migsh.toml:3")
			.hasMessageNotContaining("hunter2");

		write("migsh.toml", "[placeholders]\ndb_password = \"hunter2\"\n");
		assertThatThrownBy(() -> resolve(ProjectFlags.NONE, Map.of()))
			.hasMessageContaining("migsh.toml:2: placeholder 'db_password'")
			.hasMessageNotContaining("hunter2");

		write("migsh.toml", "[placeholders]\ndb_password = \"${env:NOT_SET_HERE}\"\n");
		assertThatThrownBy(() -> resolve(ProjectFlags.NONE, Map.of()))
			.hasMessage("migsh.toml:2: ${env:NOT_SET_HERE} names an environment variable that is not set");
	}

	@Test
	void aTargetChosenByNameRanksWithTheUrlAndGivesItsEnvironment() throws IOException {
		write("migsh.toml", FILE);
		Map<String, String> env = new java.util.HashMap<>(secrets());
		env.put("MIGSH_URL", "postgresql://someone@elsewhere/other");
		env.put("MIGSH_ENV", "staging");

		ProjectSettings settings = resolve(flags(null, "prod", null, null), env);
		Resolution resolution = new SettingsResolver().resolve(ConnectRequest.none(), null,
				settings.target().orElseThrow(), env, this.work, this.home);

		ConnectionSettings connection = resolution.settings().orElseThrow();
		assertThat(connection.host()).isEqualTo("db.example.com");
		assertThat(connection.user()).isEqualTo("deployer");
		assertThat(connection.password().reveal()).isEqualTo("s3cr/t@pw");
		assertThat(connection.sslMode()).isEqualTo("verify-full");
		assertThat(connection.origin(Setting.HOST)).isEqualTo("migsh.toml:21 [targets.prod]");
		assertThat(resolution.environment().environment()).isEqualTo(Environment.PRODUCTION);
		assertThat(resolution.environment().describe()).contains("migsh.toml:22 [targets.prod]");
		assertThat(connection.toString() + settings.target().get() + resolution).doesNotContain("s3cr/t@pw");

		// the file's default target is used only when no variable names a server, and
		// then nothing of it mixes in
		ProjectSettings byDefault = resolve(ProjectFlags.NONE, env);
		Resolution below = new SettingsResolver().resolve(ConnectRequest.none(), null, byDefault.target().orElseThrow(),
				env, this.work, this.home);
		assertThat(below.settings().orElseThrow().host()).isEqualTo("elsewhere");
		assertThat(below.environment().environment()).isEqualTo(Environment.STAGING);
		assertThat(below.settings().orElseThrow().options().given()).doesNotContainKey("application_name");
		Resolution alone = new SettingsResolver().resolve(ConnectRequest.none(), null, byDefault.target().orElseThrow(),
				secrets(), this.work, this.home);
		assertThat(alone.settings().orElseThrow().port()).isEqualTo(5433);
		assertThat(alone.settings().orElseThrow().options().given()).containsEntry("application_name", "lms-dev");
		assertThat(alone.environment().describe()).isEqualTo("development (from migsh.toml:18 [targets.dev])");

		assertThatThrownBy(() -> resolve(flags(null, "qa", null, null), env)).isInstanceOf(MigshException.class)
			.hasMessageContaining("no target named 'qa'")
			.satisfies((ex) -> assertThat(((MigshException) ex).hint()).contains("dev, prod"));
	}

}
