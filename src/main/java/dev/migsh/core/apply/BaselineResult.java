package dev.migsh.core.apply;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.migsh.core.schema.BaselineProof;
import dev.migsh.core.schema.BaselineScript;

/**
 * What {@code baseline} did: the script and its proof; the file written and the migration
 * recorded, if any (neither when the proof found a difference, nor for a dry run).
 *
 * @param script the generated SQL
 * @param fileText the whole migration file, header and sections
 * @param proof the comparison of the scratch database with the live one
 * @param file the file written, in the migrations folder or at {@code --output}
 * @param recordedId the migration recorded in the history with state baseline
 * @param warnings things to act on: objects left out, pending migrations older than the
 * baseline
 */
public record BaselineResult(BaselineScript script, String fileText, BaselineProof proof, Optional<Path> file,
		Optional<String> recordedId, List<String> warnings) {

	public BaselineResult {
		warnings = List.copyOf(warnings);
	}

}
