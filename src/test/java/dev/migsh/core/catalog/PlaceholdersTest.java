package dev.migsh.core.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flyway-style placeholders: replaced in the statements to run, never in the text the
 * checksum covers; an unset one or a leftover template stops the read at its place.
 */
class PlaceholdersTest {

	@TempDir
	Path dir;

	@Test
	void replacesPlaceholdersInTheStatementsButNotInTheSectionText() throws IOException {
		write("V1__products.sql", "CREATE TABLE ${schema}.products (name text DEFAULT '${default_name}');\n");

		Section up = read(Placeholders.NONE.withValue("schema", "shop").withValue("default_name", "none")).up();

		assertThat(up.statements()).singleElement().satisfies(s -> {
			assertThat(s.sql()).isEqualTo("CREATE TABLE shop.products (name text DEFAULT 'none')");
			assertThat(s.sent()).isEqualTo(s.sql());
			assertThat(s.hasPlaceholders()).isTrue();
		});
		assertThat(up.sql()).contains("${schema}.products");
	}

	@Test
	void theChecksumCoversTheTextBeforeReplacementSoChangingAValueIsNoEdit() throws IOException {
		write("V1__products.sql", "CREATE TABLE ${schema}.products (id int);\n");

		Section shop = read(Placeholders.NONE.withValue("schema", "shop")).up();
		Section store = read(Placeholders.NONE.withValue("schema", "store")).up();

		assertThat(shop.checksum()).isEqualTo(store.checksum());
		assertThat(shop.statements().get(0).sql()).isNotEqualTo(store.statements().get(0).sql());
	}

	@Test
	void refusesAnUnsetPlaceholderNamingItAndItsPlace() throws IOException {
		write("003-grants.sql", "-- migrate:up\n-- grants\nGRANT SELECT ON users\n  TO ${reader_role};\n");

		assertThatThrownBy(() -> read(Placeholders.NONE)).isInstanceOfSatisfying(MigrationFileException.class, e -> {
			assertThat(e.getMessage()).startsWith(this.dir.resolve("003-grants.sql") + ":4:6: ")
				.contains("placeholder ${reader_role} has no value");
			assertThat(e.line()).isEqualTo(4);
			assertThat(e.column()).isEqualTo(6);
			assertThat(e.hint()).contains("--placeholder reader_role=VALUE", "MIGSH_PLACEHOLDER_reader_role");
		});
	}

	@Test
	void leavesPlaceholdersInCommentsAlone() throws IOException {
		write("V1__a.sql", "-- uses ${nothing}\n/* nor ${this} */\nSELECT 1;\n");

		assertThat(read(Placeholders.NONE).up().statements().get(0).sent()).contains("${nothing}", "${this}");
	}

	@Test
	void readsAGoTemplateFolderWithItsPrefixAndSuffix() throws IOException {
		write("000001_events.up.sql", "CREATE TABLE {{ index .Options \"Namespace\" }}.events (id int);\n");

		Placeholders go = Placeholders.NONE.withSyntax("{{ index .Options \"", "\" }}").withValue("Namespace", "t1");

		assertThat(read(go).up().statements().get(0).sql()).isEqualTo("CREATE TABLE t1.events (id int)");
	}

	@Test
	void refusesTemplateSyntaxThatNoPrefixCovers() throws IOException {
		write("000001_events.up.sql", "\nCREATE TABLE {{ .Schema }}.events (payload jsonb DEFAULT '{{}}');\n");

		assertThatThrownBy(() -> read(Placeholders.NONE)).isInstanceOfSatisfying(MigrationFileException.class, e -> {
			assertThat(e.getMessage()).contains("000001_events.up.sql:2:14", "template syntax {{");
			assertThat(e.hint()).contains("--placeholder-prefix");
		});
	}

	@Test
	void allowsBracesInsideStrings() throws IOException {
		write("000001_events.up.sql", "SELECT '{{ not a template }}', '{}'::jsonb;\n");

		assertThat(read(Placeholders.NONE).up().statements()).hasSize(1);
	}

	@Test
	void keepsSecretValuesOutOfTheTextShownAndSendsThemOnly() throws IOException {
		write("V1__role.sql", "CREATE ROLE app LOGIN PASSWORD '${app_password}' IN ROLE ${group};\n");

		SqlStatement statement = read(
				Placeholders.NONE.withValue("app_password", "hunter2").withValue("group", "staff"))
			.up()
			.statements()
			.get(0);

		assertThat(statement.sql()).isEqualTo("CREATE ROLE app LOGIN PASSWORD '${app_password}' IN ROLE staff");
		assertThat(statement.sent()).isEqualTo("CREATE ROLE app LOGIN PASSWORD 'hunter2' IN ROLE staff");
		assertThat(Placeholders.NONE.withValue("api_token", "t").withValue("x", "y").withSecret("x").shown())
			.containsEntry("api_token", "********")
			.containsEntry("x", "********");
	}

	@Test
	void fillsInTheFileNameAndTakesValuesFromTheEnvironment() throws IOException {
		write("V1__a.sql", "COMMENT ON SCHEMA public IS '${migsh:filename} for ${team}';\n");

		Placeholders env = Placeholders.fromEnvironment(Map.of("MIGSH_PLACEHOLDER_team", "core", "HOME", "/root"));

		assertThat(env.values()).containsOnlyKeys("team");
		assertThat(read(env).up().statements().get(0).sql())
			.isEqualTo("COMMENT ON SCHEMA public IS 'V1__a.sql for core'");
	}

	@Test
	void mapsAServerPositionAfterAReplacedPlaceholderBackToTheFileAsWritten() throws IOException {
		write("V1__a.sql", "-- c\nINSERT INTO ${schema}.t\nVALUES (${a_long_value}, nope);\n");

		SqlStatement statement = read(
				Placeholders.NONE.withValue("schema", "s").withValue("a_long_value", "'" + "x".repeat(40) + "'"))
			.up()
			.statements()
			.get(0);
		int nope = statement.sent().codePointCount(0, statement.sent().indexOf("nope")) + 1;
		int insideValue = statement.sent().indexOf("xxx") + 1;

		assertThat(statement.positionOf(nope)).isEqualTo(new SqlStatement.TextPosition(3, 26));
		assertThat(statement.positionOf(insideValue)).isEqualTo(new SqlStatement.TextPosition(3, 9));
	}

	private MigrationFile read(Placeholders placeholders) {
		return MigrationDirectory.read(this.dir, placeholders).migrations().get(0);
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(this.dir.resolve(name), text);
	}

}
