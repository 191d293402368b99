package dev.migsh.core.connect;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.migsh.core.MigshException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgServiceFileTest extends ResolverFixture {

	private static final String[] SERVICES = { "# services", "[other]", "host=wrong", "", "[lms]", "host=svc-host",
			"port=6543", "dbname=lms_prod", "user=ops", "password=svc-pw", "sslmode=require", "connect_timeout=10",
			"application_name=psql", "host=ignored-second", "[lms]", "host=ignored-section" };

	@Test
	void fillsSettingsFromANamedServiceInHome() {
		write(this.home, ".pg_service.conf", SERVICES);
		ConnectionSettings s = settings(env("PGSERVICE", "lms"));
		assertThat(s.displayUrl()).isEqualTo("postgresql://ops@svc-host:6543/lms_prod");
		assertThat(s.password()).isEqualTo(Secret.of("svc-pw"));
		assertThat(s.sslMode()).isEqualTo("require");
		assertThat(s.origins()).allSatisfy((k, v) -> assertThat(v).isEqualTo("pg_service.conf [lms]"));
	}

	@Test
	void takesTheServiceNameFromTheRequestOrAUrl() {
		write(this.home, ".pg_service.conf", SERVICES);
		assertThat(settings(new ConnectRequest(null, null, null, null, null, null, "lms"), env()).host())
			.isEqualTo("svc-host");
		assertThat(settings(ConnectRequest.ofUrl("postgresql://?service=lms"), env()).host()).isEqualTo("svc-host");
		dotEnv("PGSERVICE=lms");
		assertThat(settings(env()).host()).isEqualTo("svc-host");
	}

	@Test
	void anyHigherSourceBeatsTheService() {
		write(this.home, ".pg_service.conf", SERVICES);
		dotEnv("PGPORT=7000");
		ConnectionSettings s = settings(env("PGSERVICE", "lms", "PGUSER", "me"));
		assertThat(s.user()).isEqualTo("me");
		assertThat(s.port()).isEqualTo(7000);
		assertThat(s.origin(Setting.PORT)).isEqualTo(".env (PGPORT)");
		assertThat(s.host()).isEqualTo("svc-host");
	}

	@Test
	void theServiceBeatsDefaults() {
		write(this.home, ".pg_service.conf", "[slim]", "host=svc-host");
		ConnectionSettings s = settings(env("PGSERVICE", "slim"));
		assertThat(s.origin(Setting.HOST)).isEqualTo("pg_service.conf [slim]");
		assertThat(s.origin(Setting.PORT)).isEqualTo("default");
	}

	@Test
	void pgservicefileNamesTheFile() throws Exception {
		write(this.home, ".pg_service.conf", "[lms]", "host=home-host");
		Path file = write(this.work, "services.conf", "[lms]", "host=named-host");
		assertThat(settings(env("PGSERVICE", "lms", "PGSERVICEFILE", file.toString())).host()).isEqualTo("named-host");
	}

	@Test
	void looksInPgsysconfdirWhenTheUserFileLacksTheService() throws Exception {
		write(this.home, ".pg_service.conf", "[other]", "host=x");
		Path sys = Files.createDirectory(this.work.resolve("etc"));
		write(sys, "pg_service.conf", "[lms]", "host=system-host");
		assertThat(settings(env("PGSERVICE", "lms", "PGSYSCONFDIR", sys.toString())).host()).isEqualTo("system-host");
	}

	@Test
	void anUnknownServiceIsAnError() {
		write(this.home, ".pg_service.conf", SERVICES);
		assertThatThrownBy(() -> resolve(env("PGSERVICE", "nope"))).isInstanceOf(MigshException.class)
			.hasMessageContaining("'nope'")
			.hasMessageContaining("PGSERVICE")
			.satisfies((ex) -> assertThat(((MigshException) ex).hint()).contains("[nope]"));
	}

	@Test
	void aServiceWithNoFileAnywhereIsAnError() {
		assertThatThrownBy(() -> resolve(env("PGSERVICE", "lms"))).isInstanceOf(MigshException.class)
			.hasMessageContaining("no service file");
	}

	@Test
	void aPgservicefileThatDoesNotExistIsAnError() {
		assertThatThrownBy(() -> resolve(env("PGSERVICE", "lms", "PGSERVICEFILE", "missing.conf")))
			.isInstanceOf(MigshException.class)
			.hasMessageContaining("PGSERVICEFILE");
	}

	@Test
	void aMalformedLineInTheServiceIsReportedByNumberWithoutItsText() {
		write(this.home, ".pg_service.conf", "[lms]", "host=db", "password hunter2");
		assertThatThrownBy(() -> resolve(env("PGSERVICE", "lms"))).isInstanceOf(MigshException.class)
			.hasMessageContaining(".pg_service.conf:3")
			.hasMessageNotContaining("hunter2");
	}

	@Test
	void anUnknownKeywordIsAnError() {
		write(this.home, ".pg_service.conf", "[lms]", "hots=db");
		assertThatThrownBy(() -> resolve(env("PGSERVICE", "lms"))).hasMessageContaining(".pg_service.conf:2")
			.hasMessageContaining("not a libpq connection keyword");
	}

}
