package dev.migsh.shell;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsh.core.UsageException;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.project.ProjectSettings;
import dev.migsh.core.project.Sourced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchOptionsTest {

	@TempDir
	Path dir;

	@Test
	void noArgumentsMeansTheInteractiveShell() {
		assertThat(LaunchOptions.parse(new String[0], Map.of()).mode()).isEqualTo(LaunchOptions.Mode.INTERACTIVE);
	}

	@Test
	void globalOptionsComeBeforeTheCommandAndTheRestBelongsToIt() {
		LaunchOptions launch = LaunchOptions
			.parse(new String[] { "--url", "postgres://x@h/db", "--yes", "apply", "--to", "031", "--yes" }, Map.of());
		assertThat(launch.mode()).isEqualTo(LaunchOptions.Mode.ONE_SHOT);
		assertThat(launch.url()).isEqualTo("postgres://x@h/db");
		assertThat(launch.yes()).isTrue();
		assertThat(launch.command()).containsExactly("apply", "--to", "031", "--yes");
	}

	@Test
	void scriptModeAndItsConflicts() {
		assertThat(LaunchOptions.parse(new String[] { "--script=scripts/demo.msh" }, Map.of()).script())
			.isEqualTo(Path.of("scripts/demo.msh"));
		assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--script", "a.msh", "info" }, Map.of()))
			.isInstanceOf(UsageException.class);
	}

	@Test
	void theHistorySchemaMustBeOneMigshMayOwn() {
		assertThat(LaunchOptions.parse(new String[] { "--schema", "ops_history", "info" }, Map.of()).flags().schema())
			.isEqualTo("ops_history");
		assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--schema", "", "info" }, Map.of()))
			.isInstanceOf(UsageException.class)
			.hasMessage("The history schema name is empty");
		for (String system : new String[] { "information_schema", "pg_catalog", "pg_toast", "PG_temp_3" }) {
			assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--schema=" + system, "status" }, Map.of()))
				.isInstanceOf(UsageException.class)
				.hasMessageContaining("it is a system schema");
		}
		// from a variable (or the project file), checked where the settings are resolved
		assertThatThrownBy(() -> dev.migsh.core.project.ProjectSettings.resolve(
				LaunchOptions.parse(new String[] { "trash", "purge" }, Map.of()).flags(),
				Map.of("MIGSH_SCHEMA", "migsh_trash"), Path.of("").toAbsolutePath()))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("`trash purge` drops it whole");
	}

	@Test
	void unknownGlobalOptionIsAUsageError() {
		assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--dry-rn" }, Map.of()))
			.isInstanceOf(UsageException.class)
			.hasMessage("unknown option '--dry-rn'");
	}

	@Test
	void scriptOptionsAreReadAndNeedAScript() {
		LaunchOptions launch = LaunchOptions.parse(new String[] { "--script", "deploy.msh", "--set", "TARGET=031",
				"--set=NOTE=a=b", "--from", "7", "--dry-run", "--transcript", "incident.log" }, Map.of());
		assertThat(launch.scriptOptions().variables()).containsEntry("TARGET", "031").containsEntry("NOTE", "a=b");
		assertThat(launch.scriptOptions().from()).isEqualTo(7);
		assertThat(launch.scriptOptions().dryRun()).isTrue();
		assertThat(launch.transcript()).isEqualTo(Path.of("incident.log"));
		assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--dry-run", "apply" }, Map.of()))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("need --script");
		assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--script", "a.msh", "--from", "0" }, Map.of()))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("--from needs a line number");
		assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--script", "a.msh", "--set", "1X=2" }, Map.of()))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("--set needs VAR=value");
		assertThat(LaunchOptions.parse(new String[] { "--transcript", "t.log", "info" }, Map.of()).transcript())
			.isEqualTo(Path.of("t.log"));
	}

	@Test
	void placeholdersComeFromRepeatableFlagsOverTheEnvironment() {
		Map<String, String> env = Map.of("MIGSH_PLACEHOLDER_schema", "ignored", "MIGSH_PLACEHOLDER_team", "core");
		LaunchOptions launch = LaunchOptions
			.parse(new String[] { "--placeholder", "schema=shop", "--placeholder=note=a=b",
					"--placeholder-prefix={{ index .Options \"", "--placeholder-suffix", "\" }}", "status" }, env);
		Placeholders placeholders = ProjectSettings.resolve(launch.flags(), env, this.dir).placeholders();

		assertThat(placeholders.values()).containsEntry("schema", "shop")
			.containsEntry("note", "a=b")
			.containsEntry("team", "core");
		assertThat(placeholders.prefix()).isEqualTo("{{ index .Options \"");
		assertThat(placeholders.suffix()).isEqualTo("\" }}");
		assertThat(launch.command()).containsExactly("status");
		assertThat(ProjectSettings.resolve(LaunchOptions.parse(new String[0], Map.of()).flags(), Map.of(), this.dir)
			.placeholders()
			.prefix()).isEqualTo("${");
		assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--placeholder", "schema" }, Map.of()))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("is not NAME=VALUE");
	}

	@Test
	void environmentSuppliesDefaults() {
		Map<String, String> env = Map.of("MIGSH_MIGRATIONS", "db/migrations", "MIGSH_SCHEMA", "ops");
		ProjectSettings settings = ProjectSettings.resolve(LaunchOptions.parse(new String[0], env).flags(), env,
				this.dir);
		assertThat(settings.migrations().value()).isEqualTo(this.dir.resolve("db/migrations"));
		assertThat(settings.historySchema().value()).isEqualTo("ops");
		LaunchOptions flags = LaunchOptions.parse(new String[] { "--schema", "audit", "--lock-wait", "2m" },
				Map.of("MIGSH_SCHEMA", "ops"));
		assertThat(ProjectSettings.resolve(flags.flags(), Map.of("MIGSH_SCHEMA", "ops"), this.dir).historySchema())
			.isEqualTo(new Sourced<>("audit", "--schema"));
		assertThat(flags.flags().lockWait()).isEqualTo("2m");
	}

}
