package dev.migsh.core.catalog;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every {@code splitter/NAME.sql} against {@code NAME.expected}. Run with
 * {@code -Dmigsh.golden.update=true} to rewrite the expected files after a deliberate
 * change.
 */
class SqlSplitterGoldenTest {

	@TestFactory
	Stream<DynamicTest> splitsEveryGoldenFileAsExpected() throws IOException, URISyntaxException {
		Path folder = Path.of(getClass().getResource("/splitter").toURI());
		List<Path> inputs;
		try (Stream<Path> files = Files.list(folder)) {
			inputs = files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
		}
		assertThat(inputs).hasSizeGreaterThanOrEqualTo(8);
		return inputs.stream()
			.map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
	}

	private static void check(Path input) throws IOException {
		String name = input.getFileName().toString().replaceFirst("\\.sql$", "");
		String actual = render(SqlSplitter.split(Files.readString(input), input, 1));
		if (Boolean.getBoolean("migsh.golden.update")) {
			Files.writeString(Path.of("src/test/resources/splitter", name + ".expected"), actual);
			return;
		}
		Path expected = input.resolveSibling(name + ".expected");
		assertThat(expected).as("golden file for %s", input).exists();
		assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
	}

	// Carriage returns are shown as \r so a CRLF input's golden file stays plain text.
	static String render(List<SqlStatement> statements) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < statements.size(); i++) {
			SqlStatement statement = statements.get(i);
			out.append("-- statement ")
				.append(i + 1)
				.append(" at ")
				.append(statement.line())
				.append(':')
				.append(statement.column())
				.append('\n')
				.append(statement.sql().replace("\r", "\\r"))
				.append('\n');
		}
		return out.toString();
	}

}
