package dev.migsh.core.connect;

import org.junit.jupiter.api.Test;

import dev.migsh.core.MigshException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUrlTest {

	@Test
	void readsEveryPartOfAPostgresqlUrl() {
		PostgresUrl url = PostgresUrl.parse(
				"postgresql://ops:s3cret@db.example.com:6543/lms_prod?sslmode=require&service=lms&application_name=x&connect_timeout=5");
		assertThat(url.user()).isEqualTo("ops");
		assertThat(url.password()).isEqualTo(Secret.of("s3cret"));
		assertThat(url.host()).isEqualTo("db.example.com");
		assertThat(url.port()).isEqualTo(6543);
		assertThat(url.database()).isEqualTo("lms_prod");
		assertThat(url.sslMode()).isEqualTo("require");
		assertThat(url.service()).isEqualTo("lms");
		assertThat(url.applicationName()).isEqualTo("x");
		assertThat(url.parameters()).containsEntry("connect_timeout", "5");
	}

	@Test
	void acceptsThePostgresAndJdbcSchemes() {
		assertThat(PostgresUrl.parse("postgres://u@h/d").host()).isEqualTo("h");
		PostgresUrl jdbc = PostgresUrl.parse("jdbc:postgresql://h:5433/d?user=u&password=pw");
		assertThat(jdbc.host()).isEqualTo("h");
		assertThat(jdbc.port()).isEqualTo(5433);
		assertThat(jdbc.user()).isEqualTo("u");
		assertThat(jdbc.password()).isEqualTo(Secret.of("pw"));
		assertThat(jdbc.parameters()).doesNotContainKeys("user", "password");
	}

	@Test
	void percentDecodesEveryPartWithPlusStayingAPlus() {
		PostgresUrl url = PostgresUrl.parse("postgresql://o%40ps:p%2Fa%3Ass%40w+rd@h/my%20db?application_name=a%26b");
		assertThat(url.user()).isEqualTo("o@ps");
		assertThat(url.password().reveal()).isEqualTo("p/a:ss@w+rd");
		assertThat(url.database()).isEqualTo("my db");
		assertThat(url.applicationName()).isEqualTo("a&b");
	}

	@Test
	void readsIpv6HostsInBrackets() {
		PostgresUrl url = PostgresUrl.parse("postgresql://u@[::1]:5444/d");
		assertThat(url.host()).isEqualTo("::1");
		assertThat(url.port()).isEqualTo(5444);
		assertThat(PostgresUrl.parse("postgresql://[2001:db8::7]/d").host()).isEqualTo("2001:db8::7");
		assertThat(url.redacted()).isEqualTo("postgresql://u@[::1]:5444/d");
	}

	@Test
	void leavesAbsentPartsNull() {
		PostgresUrl url = PostgresUrl.parse("postgresql://");
		assertThat(url.user()).isNull();
		assertThat(url.password()).isNull();
		assertThat(url.host()).isNull();
		assertThat(url.port()).isNull();
		assertThat(url.database()).isNull();
	}

	@Test
	void takesASocketDirectoryFromTheHostParameter() {
		PostgresUrl url = PostgresUrl.parse("postgresql:///app?host=%2Fvar%2Frun%2Fpostgresql");
		assertThat(url.host()).isEqualTo("/var/run/postgresql");
		assertThat(url.database()).isEqualTo("app");
	}

	@Test
	void redactedShowsEverythingButThePassword() {
		PostgresUrl url = PostgresUrl.parse("postgres://ops:hunter2@db:5432/app?sslmode=require");
		assertThat(url.redacted()).isEqualTo("postgresql://ops:****@db:5432/app?sslmode=require");
		assertThat(url.toString()).doesNotContain("hunter2");
	}

	@Test
	void rejectsAnUnknownSchemeWithAnExampleInTheHint() {
		assertThatThrownBy(() -> PostgresUrl.parse("mysql://u:pw@h/d")).isInstanceOf(MigshException.class)
			.hasMessageContaining("mysql://u:****@h/d")
			.hasMessageNotContaining("pw@")
			.satisfies((ex) -> assertThat(((MigshException) ex).hint()).contains("postgresql://"));
	}

	@Test
	void aBadUrlMessageShowsTheUrlWithThePasswordMasked() {
		// an unencoded / ends the authority early, so the password turns into a bad port
		assertThatThrownBy(() -> PostgresUrl.parse("postgresql://ops:ab/cd@db.example.com/app"))
			.isInstanceOf(MigshException.class)
			.hasMessageContaining("postgresql://ops:****@db.example.com/app")
			.hasMessageNotContaining("ab/cd");
	}

	@Test
	void rejectsABrokenEscapeAndABadPort() {
		assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u:p%zzw@h/d")).isInstanceOf(MigshException.class)
			.hasMessageContaining("password")
			.hasMessageNotContaining("p%zzw");
		assertThatThrownBy(() -> PostgresUrl.parse("postgresql://h:99999/d")).hasMessageContaining("port");
		assertThatThrownBy(() -> PostgresUrl.parse("postgresql://[::1/d")).hasMessageContaining("IPv6");
	}

}
