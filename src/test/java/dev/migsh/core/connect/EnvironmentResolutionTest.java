package dev.migsh.core.connect;

import org.junit.jupiter.api.Test;

import dev.migsh.core.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentResolutionTest extends ResolverFixture {

	private EnvironmentChoice environment(String flag, java.util.Map<String, String> env) {
		return this.resolver.resolve(ConnectRequest.none(), flag, env, this.work, this.home).environment();
	}

	@Test
	void theSandboxIsInferredDevelopment() {
		EnvironmentChoice choice = environment(null, env());
		assertThat(choice.environment()).isEqualTo(Environment.DEVELOPMENT);
		assertThat(choice.inferred()).isTrue();
		assertThat(choice.describe()).isEqualTo("development (inferred from sandbox)");
	}

	@Test
	void localHostsAreInferredProductionBecauseTheProductionHostIsLocalToo() {
		for (String host : new String[] { "localhost", "LOCALHOST", "127.0.0.1", "::1", "/var/run/postgresql" }) {
			EnvironmentChoice choice = environment(null, env("PGHOST", host));
			assertThat(choice.environment()).as(host).isEqualTo(Environment.PRODUCTION);
			assertThat(choice.inferred()).isTrue();
			assertThat(choice.origin()).startsWith("host " + host + ", not the sandbox");
		}
		assertThat(environment(null, env("PGDATABASE", "app")).environment()).isEqualTo(Environment.PRODUCTION);
		assertThat(environment(null, env("PGHOST", "localhost", "MIGSH_ENV", "development")).environment())
			.isEqualTo(Environment.DEVELOPMENT);
	}

	@Test
	void anyOtherHostIsInferredProduction() {
		EnvironmentChoice choice = environment(null, env("PGHOST", "db.example.com"));
		assertThat(choice.environment()).isEqualTo(Environment.PRODUCTION);
		assertThat(choice.inferred()).isTrue();
		assertThat(choice.describe()).isEqualTo(
				"production (inferred from host db.example.com, not the sandbox; --env or MIGSH_ENV says otherwise)");
		assertThat(environment(null, env("PGHOST", "10.0.0.5")).environment()).isEqualTo(Environment.PRODUCTION);
	}

	@Test
	void migshEnvBeatsInference() {
		EnvironmentChoice choice = environment(null, env("PGHOST", "db.example.com", "MIGSH_ENV", "staging"));
		assertThat(choice.environment()).isEqualTo(Environment.STAGING);
		assertThat(choice.inferred()).isFalse();
		assertThat(choice.origin()).isEqualTo("MIGSH_ENV");
	}

	@Test
	void migshEnvInTheProcessBeatsTheDotEnvFile() {
		dotEnv("MIGSH_ENV=prod");
		assertThat(environment(null, env()).origin()).isEqualTo(".env (MIGSH_ENV)");
		assertThat(environment(null, env()).environment()).isEqualTo(Environment.PRODUCTION);
		assertThat(environment(null, env("MIGSH_ENV", "dev")).environment()).isEqualTo(Environment.DEVELOPMENT);
	}

	@Test
	void theFlagBeatsMigshEnv() {
		EnvironmentChoice choice = environment("prod", env("MIGSH_ENV", "dev"));
		assertThat(choice.environment()).isEqualTo(Environment.PRODUCTION);
		assertThat(choice.origin()).isEqualTo("--env");
		assertThat(choice.describe()).isEqualTo("production (from --env)");
	}

	@Test
	void aBadMigshEnvIsAUsageErrorNamingTheVariable() {
		assertThatThrownBy(() -> environment(null, env("MIGSH_ENV", "live"))).isInstanceOf(UsageException.class)
			.hasMessageContaining("MIGSH_ENV")
			.hasMessageContaining("'live'");
	}

}
