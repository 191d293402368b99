package dev.migsh.core.connect;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionSettingsTest {

	private static ConnectionSettings settings(String host, String database, Secret password) {
		return new ConnectionSettings(host, 5433, database, "ops", password, "require",
				Map.of(Setting.HOST, "PGHOST", Setting.PASSWORD, "PGPASSWORD"));
	}

	@Test
	void theJdbcUrlCarriesNoCredentials() {
		assertThat(settings("db", "lms", Secret.of("pw")).jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/lms");
	}

	@Test
	void theJdbcUrlBracketsIpv6AndEncodesTheDatabase() {
		assertThat(settings("::1", "my db/x", null).jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/my+db%2Fx");
	}

	@Test
	void jdbcPropertiesHoldCredentialsSslModeAndApplicationName() {
		var properties = settings("db", "lms", Secret.of("pw")).jdbcProperties();
		assertThat(properties.getProperty("user")).isEqualTo("ops");
		assertThat(properties.getProperty("password")).isEqualTo("pw");
		assertThat(properties.getProperty("sslmode")).isEqualTo("require");
		assertThat(properties.getProperty("ApplicationName")).isEqualTo("migsh");
		assertThat(properties.toString()).doesNotContain("=pw").contains("password=****");
		assertThat(settings("db", "lms", null).jdbcProperties()).doesNotContainKey("password");
	}

	@Test
	void theDisplayUrlShowsUserHostPortAndDatabase() {
		assertThat(settings("db", "lms", Secret.of("pw")).displayUrl()).isEqualTo("postgresql://ops@db:5433/lms");
		assertThat(settings("::1", "lms", null).displayUrl()).isEqualTo("postgresql://ops@[::1]:5433/lms");
	}

	@Test
	void withPasswordRecordsThePrompt() {
		ConnectionSettings prompted = settings("db", "lms", null).withPassword(Secret.of("typed"));
		assertThat(prompted.password()).isEqualTo(Secret.of("typed"));
		assertThat(prompted.origin(Setting.PASSWORD)).isEqualTo("prompt");
		assertThat(prompted.origin(Setting.HOST)).isEqualTo("PGHOST");
	}

	@Test
	void theSandboxIsLocalWithEveryOriginSandbox() {
		ConnectionSettings sandbox = ConnectionSettings.sandbox(54321, "postgres", "migsh");
		assertThat(sandbox.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:54321/migsh");
		assertThat(sandbox.password()).isNull();
		assertThat(sandbox.origin(Setting.HOST)).isEqualTo("sandbox");
		assertThat(sandbox.origin(Setting.USER)).isEqualTo("sandbox");
		assertThat(sandbox.origin(Setting.PASSWORD)).isEqualTo("not set");
	}

}
