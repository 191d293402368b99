package dev.migsh.shell;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migsh.core.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchOptionsTest {

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
		assertThat(LaunchOptions.parse(new String[] { "--schema", "ops_history", "info" }, Map.of()).schema())
			.isEqualTo("ops_history");
		assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--schema", "", "info" }, Map.of()))
			.isInstanceOf(UsageException.class)
			.hasMessage("The history schema name is empty");
		for (String system : new String[] { "information_schema", "pg_catalog", "pg_toast", "PG_temp_3" }) {
			assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--schema=" + system, "status" }, Map.of()))
				.isInstanceOf(UsageException.class)
				.hasMessageContaining("it is a system schema");
		}
		assertThatThrownBy(
				() -> LaunchOptions.parse(new String[] { "trash", "purge" }, Map.of("MIGSH_SCHEMA", "migsh_trash")))
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
		LaunchOptions launch = LaunchOptions.parse(
				new String[] { "--placeholder", "schema=shop", "--placeholder=note=a=b",
						"--placeholder-prefix={{ index .Options \"", "--placeholder-suffix", "\" }}", "status" },
				Map.of("MIGSH_PLACEHOLDER_schema", "ignored", "MIGSH_PLACEHOLDER_team", "core"));

		assertThat(launch.placeholders().values()).containsEntry("schema", "shop")
			.containsEntry("note", "a=b")
			.containsEntry("team", "core");
		assertThat(launch.placeholders().prefix()).isEqualTo("{{ index .Options \"");
		assertThat(launch.placeholders().suffix()).isEqualTo("\" }}");
		assertThat(launch.command()).containsExactly("status");
		assertThat(LaunchOptions.parse(new String[0], Map.of()).placeholders().prefix()).isEqualTo("${");
		assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--placeholder", "schema" }, Map.of()))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("is not NAME=VALUE");
	}

	@Test
	void environmentSuppliesDefaults() {
		LaunchOptions launch = LaunchOptions.parse(new String[0],
				Map.of("MIGSH_MIGRATIONS", "db/migrations", "MIGSH_SCHEMA", "ops"));
		assertThat(launch.migrations()).isEqualTo(Path.of("db/migrations"));
		assertThat(launch.schema()).isEqualTo("ops");
		LaunchOptions flags = LaunchOptions.parse(new String[] { "--schema", "audit" }, Map.of("MIGSH_SCHEMA", "ops"));
		assertThat(flags.schema()).isEqualTo("audit");
	}

}
