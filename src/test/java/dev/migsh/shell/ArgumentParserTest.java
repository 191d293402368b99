package dev.migsh.shell;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsh.core.ExitCode;
import dev.migsh.core.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentParserTest {

	private static final CommandSpec UNDO = CommandSpec.builder("undo")
		.argument(ArgSpec.optional("ID", "migration", Completion.APPLIED_MIGRATIONS))
		.option(OptionSpec.flag("dry-run", "show, change nothing"))
		.option(OptionSpec.value("to", "ID", "undo down to this one"))
		.build();

	private static final CommandSpec DESCRIBE = CommandSpec.builder("describe")
		.argument(ArgSpec.required("TABLE", "table", Completion.TABLES).asIdentifier())
		.build();

	private static ParsedArgs parse(CommandSpec spec, String line) {
		return ArgumentParser.parse(spec, Tokenizer.split(line));
	}

	@Test
	void rejectsAnUnknownOptionInsteadOfIgnoringIt() {
		assertThatThrownBy(() -> parse(UNDO, "--dryrun true")).isInstanceOf(UsageException.class)
			.hasMessage("undo: unknown option '--dryrun'")
			.satisfies(e -> {
				assertThat(((UsageException) e).hint()).startsWith("did you mean --dry-run?");
				assertThat(((UsageException) e).exitCode()).isEqualTo(ExitCode.USAGE);
			});
	}

	@Test
	void rejectsAValueGivenToAFlag() {
		assertThatThrownBy(() -> parse(UNDO, "--dry-run=true")).hasMessage("undo: option --dry-run takes no value");
		assertThatThrownBy(() -> parse(UNDO, "--dry-run true 031")).hasMessageContaining("unexpected argument '031'");
	}

	@Test
	void rejectsAMissingValueAndARepeatedOption() {
		assertThatThrownBy(() -> parse(UNDO, "--to")).hasMessage("undo: option --to needs a value");
		assertThatThrownBy(() -> parse(UNDO, "--to 1 --to 2")).hasMessage("undo: option --to given twice");
	}

	@Test
	void rejectsShortOptionsNobodyDeclared() {
		assertThatThrownBy(() -> parse(UNDO, "-n")).hasMessage("undo: unknown option '-n'");
	}

	@Test
	void readsFlagsValuesAndArgumentsInAnyOrder() {
		ParsedArgs args = parse(UNDO, "--to=031 --dry-run");
		assertThat(args.flag("dry-run")).isTrue();
		assertThat(args.value("to")).contains("031");
		ParsedArgs positional = parse(UNDO, "031 --dry-run");
		assertThat(positional.argument("ID")).contains("031");
	}

	@Test
	void requiresRequiredArguments() {
		assertThatThrownBy(() -> parse(DESCRIBE, "")).hasMessage("describe: missing TABLE");
	}

	@Test
	void givesIdentifierArgumentsAsTypedWithTheirDoubleQuotes() {
		assertThat(parse(DESCRIBE, "\"Order Items\"").argument("TABLE")).contains("\"Order Items\"");
		assertThat(parse(DESCRIBE, "public.users").argument("TABLE")).contains("public.users");
	}

	@Test
	void aDoubleDashEndsOptions() {
		assertThat(parse(DESCRIBE, "-- -weird").argument("TABLE")).contains("-weird");
	}

	@Test
	void tokenizerGroupsQuotesAndEscapes() {
		List<Word> words = Tokenizer.split("connect 'postgres://u@h/db' --user \"a b\" x\\ y");
		assertThat(words).extracting(Word::value)
			.containsExactly("connect", "postgres://u@h/db", "--user", "a b", "x y");
		assertThatThrownBy(() -> Tokenizer.split("describe \"Order")).isInstanceOf(UsageException.class)
			.hasMessageContaining("unterminated double quote");
	}

}
