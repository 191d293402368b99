package dev.migsh.core.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Gives one distinctive password through every source and checks it never shows in
 * anything printable that the package returns or throws.
 */
class PasswordNeverShownTest extends ResolverFixture {

	private static final String PASSWORD = "Zq7#leak@Pw";

	private static final String ENCODED = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);

	private final List<String> shown = new ArrayList<>();

	@Test
	void noResolvedRecordShowsThePassword() {
		show(resolve(ConnectRequest.ofUrl("postgresql://ops:" + ENCODED + "@db.example.com/app"), env()));
		show(resolve(env("MIGSH_URL", "postgres://ops:" + ENCODED + "@db/app")));
		show(resolve(env("DATABASE_URL", "jdbc:postgresql://db/app?password=" + ENCODED)));
		show(resolve(env("PGHOST", "db", "DB_PASSWORD", PASSWORD)));
		show(resolve(env("PGHOST", "db", "PGPASSWORD", PASSWORD)));
		dotEnv("PGHOST=db", "PGPASSWORD='" + PASSWORD + "'");
		show(resolve(env()));
		dotEnv();
		write(this.home, ".pg_service.conf", "[svc]", "host=db", "password=" + PASSWORD);
		show(resolve(env("PGSERVICE", "svc")));
		write(this.home, ".pgpass", "*:*:*:*:" + PASSWORD.replace(":", "\\:"));
		Resolution fromPgpass = resolve(env("PGHOST", "db"));
		assertThat(fromPgpass.settings().orElseThrow().password().reveal()).isEqualTo(PASSWORD);
		show(fromPgpass);
		show(ConnectionSettings.sandbox(5432, "postgres", "migsh").withPassword(Secret.of(PASSWORD)));
		show(new ConnectRequest("postgres://ops:" + ENCODED + "@db/app", null, null, null, null, null, null));
		show(PostgresUrl.parse("postgres://ops:" + ENCODED + "@db/app"));
		show(PostgresUrl.parse("postgres://ops:" + ENCODED + "@db/app").redacted());
		assertThat(this.shown).hasSizeGreaterThan(20).allSatisfy(this::hidesThePassword);
	}

	@Test
	void noExceptionMessageShowsThePassword() {
		shownBy(() -> PostgresUrl.parse("postgres://ops:" + PASSWORD.replace("@", "%4") + "@db/app"));
		shownBy(() -> PostgresUrl.parse("postgresql://ops:" + PASSWORD + "@db:notaport/app"));
		shownBy(() -> PostgresUrl.parse("mysql://ops:" + PASSWORD + "@db/app"));
		shownBy(() -> PostgresUrl.parse("postgres://ops:with space " + PASSWORD + "@db:x/app"));
		shownBy(() -> PostgresUrl.parse("postgres://db:x/app?password=with space " + PASSWORD));
		shownBy(() -> PostgresUrl.parse("jdbc:postgresql://db/app?password=" + PASSWORD + "&x"));
		shownBy(() -> resolve(env("MIGSH_URL", "postgres://ops:" + ENCODED + "@db:0/app")));
		shownBy(() -> resolve(env("PGHOST", "db", "PGPASSWORD", PASSWORD, "PGPORT", "x")));
		shownBy(() -> resolve(env("PGHOST", "db", "PGPASSWORD", PASSWORD, "PGSSLMODE", "x")));
		dotEnv("PGPASSWORD " + PASSWORD);
		shownBy(() -> resolve(env()));
		dotEnv("PGPASSWORD=\"" + PASSWORD);
		shownBy(() -> resolve(env()));
		dotEnv();
		write(this.home, ".pg_service.conf", "[svc]", "password " + PASSWORD);
		shownBy(() -> resolve(env("PGSERVICE", "svc")));
		write(this.home, ".pg_service.conf", "[svc]", PASSWORD + "=x");
		shownBy(() -> resolve(env("PGSERVICE", "svc")));
		write(this.home, ".pgpass", "db:5432:alice:alice:" + PASSWORD, "db");
		shownBy(() -> resolve(env("PGHOST", "db", "PGDATABASE", "other")));
		assertThat(this.shown).hasSizeGreaterThanOrEqualTo(24).allSatisfy(this::hidesThePassword);
	}

	private void show(Resolution resolution) {
		show(resolution.toString());
		show(resolution.environment().describe());
		resolution.settings().ifPresent(this::show);
	}

	private void show(ConnectionSettings settings) {
		show(settings.toString());
		show(settings.origins().toString());
		show(settings.jdbcUrl());
		show(settings.displayUrl());
		show(settings.jdbcProperties().toString());
		show(String.valueOf(settings.password()));
	}

	private void show(Object printable) {
		this.shown.add(String.valueOf(printable));
	}

	private void shownBy(Supplier<?> call) {
		Throwable thrown = catchThrowable(call::get);
		assertThat(thrown).isNotNull();
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			show(t.toString());
			if (t instanceof dev.migsh.core.MigshException migsh) {
				show(migsh.hint());
			}
		}
	}

	private void hidesThePassword(String text) {
		assertThat(text).doesNotContain(PASSWORD)
			.doesNotContain(ENCODED)
			.doesNotContain("Zq7")
			.doesNotContain("leak")
			.doesNotContain("@Pw");
	}

}
