package dev.migsh.core.connect;

import org.junit.jupiter.api.Test;

import dev.migsh.core.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentTest {

	@Test
	void parsesLongAndShortNamesIgnoringCase() {
		assertThat(Environment.parse("dev")).isEqualTo(Environment.DEVELOPMENT);
		assertThat(Environment.parse("Development")).isEqualTo(Environment.DEVELOPMENT);
		assertThat(Environment.parse("STAGE")).isEqualTo(Environment.STAGING);
		assertThat(Environment.parse("staging")).isEqualTo(Environment.STAGING);
		assertThat(Environment.parse("prod")).isEqualTo(Environment.PRODUCTION);
		assertThat(Environment.parse(" Production ")).isEqualTo(Environment.PRODUCTION);
	}

	@Test
	void rejectsAnUnknownNameListingTheValidOnes() {
		assertThatThrownBy(() -> Environment.parse("qa")).isInstanceOf(UsageException.class)
			.hasMessageContaining("'qa'")
			.satisfies(
					(ex) -> assertThat(((UsageException) ex).hint()).contains("development", "staging", "production"));
	}

	@Test
	void hasShortPromptLabels() {
		assertThat(Environment.DEVELOPMENT.label()).isEqualTo("DEV");
		assertThat(Environment.STAGING.label()).isEqualTo("STAGE");
		assertThat(Environment.PRODUCTION.label()).isEqualTo("PROD");
	}

}
