package dev.migsh.core.connect;

import org.junit.jupiter.api.Test;

import dev.migsh.core.MigshException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgPassFileTest extends ResolverFixture {

	@Test
	void fillsAMissingPasswordFromHomePgpass() {
		write(this.home, ".pgpass", "db:5432:lms:app:from-pgpass");
		ConnectionSettings s = settings(env("PGHOST", "db", "PGDATABASE", "lms", "PGUSER", "app"));
		assertThat(s.password()).isEqualTo(Secret.of("from-pgpass"));
		assertThat(s.origin(Setting.PASSWORD)).isEqualTo("~/.pgpass");
	}

	@Test
	void matchesAgainstDefaultsToo() {
		write(this.home, ".pgpass", "localhost:5432:alice:alice:pw");
		assertThat(settings(env("PGDATABASE", "alice")).password()).isEqualTo(Secret.of("pw"));
	}

	@Test
	void wildcardsMatchAnyValue() {
		write(this.home, ".pgpass", "*:*:lms:*:wild");
		assertThat(settings(env("PGHOST", "anywhere", "PGPORT", "6000", "PGDATABASE", "lms")).password())
			.isEqualTo(Secret.of("wild"));
		assertThat(settings(env("PGHOST", "anywhere", "PGDATABASE", "other")).password()).isNull();
	}

	@Test
	void theFirstMatchingLineWins() {
		write(this.home, ".pgpass", "# comment", "other:*:*:*:no", "db:*:*:*:first", "*:*:*:*:second");
		assertThat(settings(env("PGHOST", "db")).password()).isEqualTo(Secret.of("first"));
		assertThat(settings(env("PGHOST", "elsewhere")).password()).isEqualTo(Secret.of("second"));
	}

	@Test
	void backslashEscapesColonsAndBackslashes() {
		write(this.home, ".pgpass", "db:5432:we\\:ird:app:pa\\:ss\\\\word");
		ConnectionSettings s = settings(env("PGHOST", "db", "PGDATABASE", "we:ird", "PGUSER", "app"));
		assertThat(s.password()).isEqualTo(Secret.of("pa:ss\\word"));
	}

	@Test
	void aSocketDirectoryMatchesAsLocalhost() {
		write(this.home, ".pgpass", "localhost:*:*:*:socket-pw");
		assertThat(settings(env("PGHOST", "/var/run/postgresql")).password()).isEqualTo(Secret.of("socket-pw"));
	}

	@Test
	void pgpassfileNamesTheFileInsteadOfHome() {
		write(this.home, ".pgpass", "*:*:*:*:home");
		java.nio.file.Path file = write(this.work, "my.pgpass", "*:*:*:*:named");
		ConnectionSettings s = settings(env("PGHOST", "db", "PGPASSFILE", file.toString()));
		assertThat(s.password()).isEqualTo(Secret.of("named"));
		assertThat(s.origin(Setting.PASSWORD)).startsWith("PGPASSFILE").doesNotContain("named");
	}

	@Test
	void aPasswordFromAnySourceBeatsPgpass() {
		write(this.home, ".pgpass", "*:*:*:*:pgpass");
		assertThat(settings(env("PGHOST", "db", "PGPASSWORD", "env")).password()).isEqualTo(Secret.of("env"));
		assertThat(settings(ConnectRequest.ofUrl("postgresql://u:url@db/app"), env()).password())
			.isEqualTo(Secret.of("url"));
	}

	@Test
	void leavesTheSystemPropertyAsItWas() {
		write(this.home, ".pgpass", "*:*:*:*:pw");
		settings(env("PGHOST", "db"));
		assertThat(System.getProperty("org.postgresql.pgpassfile")).isNull();
	}

	@Test
	void aLineCutShortIsReportedWithoutItsPassword() {
		write(this.home, ".pgpass", "db:5432:lms:app:ok", "db");
		assertThatThrownBy(() -> settings(env("PGHOST", "db"))).isInstanceOf(MigshException.class)
			.hasMessageContaining(".pgpass");
	}

}
