package dev.migsh.core.connect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretAndRedactionTest {

	@Test
	void aSecretPrintsAsStarsAndEqualsByValue() {
		Secret secret = Secret.of("hunter2");
		assertThat(secret).hasToString("****");
		assertThat(secret.reveal()).isEqualTo("hunter2");
		assertThat(secret).isEqualTo(Secret.of("hunter2")).hasSameHashCodeAs(Secret.of("hunter2"));
		assertThat(secret).isNotEqualTo(Secret.of("hunter3"));
	}

	@Test
	void redactReplacesPlainAndUrlEncodedForms() {
		Secret secret = Secret.of("p@ss w/rd");
		String text = "plain p@ss w/rd, rfc p%40ss%20w%2Frd, form p%40ss+w%2Frd, lower p%40ss%20w%2frd";
		assertThat(Redaction.redact(text, secret)).isEqualTo("plain ****, rfc ****, form ****, lower ****");
	}

	@Test
	void redactHandlesSeveralSecretsAndNulls() {
		assertThat(Redaction.redact("a=one b=two", Secret.of("one"), null, Secret.of("two")))
			.isEqualTo("a=**** b=****");
		assertThat(Redaction.redact("nothing here")).isEqualTo("nothing here");
		assertThat(Redaction.redact(null, Secret.of("x"))).isNull();
	}

	@Test
	void redactUrlPasswordsMasksUserinfoAndPasswordParameters() {
		assertThat(Redaction.redactUrlPasswords(
				"failed: postgres://ops:a@b@db/app and jdbc:postgresql://db/app?user=u&password=pw&ssl=true"))
			.isEqualTo("failed: postgres://ops:****@db/app and jdbc:postgresql://db/app?user=u&password=****&ssl=true");
		assertThat(Redaction.redactUrlPasswords("postgres://db:5432/app")).isEqualTo("postgres://db:5432/app");
		assertThat(Redaction.redactUrlPasswords("jdbc:postgresql://db:5432/app?password=a@b"))
			.isEqualTo("jdbc:postgresql://db:5432/app?password=****");
	}

}
