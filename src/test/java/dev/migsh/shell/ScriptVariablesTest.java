package dev.migsh.shell;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migsh.core.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptVariablesTest {

	private final ScriptVariables variables = new ScriptVariables(Map.of("TARGET", "031", "DB_PASSWORD", "pw"),
			Map.of("TARGET", "from-env", "MIGSH_ENV", "production"));

	@Test
	void setValuesComeBeforeTheEnvironment() {
		assertThat(this.variables.substitute("undo --to ${TARGET} # ${MIGSH_ENV}"))
			.isEqualTo("undo --to 031 # production");
	}

	@Test
	void namesEveryMissingVariableOnce() {
		assertThat(this.variables.missing("expect ${A} ${TARGET} ${B} ${A}")).containsExactly("A", "B");
	}

	@Test
	void aTextWithoutReferencesIsLeftAlone() {
		assertThat(this.variables.substitute("describe \"$weird\" {x}")).isEqualTo("describe \"$weird\" {x}");
	}

	@Test
	void aMalformedReferenceIsAUsageError() {
		assertThatThrownBy(() -> this.variables.missing("apply ${1X}")).isInstanceOf(UsageException.class)
			.hasMessageContaining("'${1X}' is not a variable reference");
	}

	@Test
	void valuesOfSecretLookingVariablesAreKnownForRedaction() {
		assertThat(this.variables.secretValues("connect --user ops ${DB_PASSWORD} ${TARGET}")).containsExactly("pw");
	}

}
