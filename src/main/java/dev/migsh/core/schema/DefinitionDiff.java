package dev.migsh.core.schema;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * The lines where two definitions of one object differ, as a unified diff with a little
 * context: what a reader needs when a 40-line function body differs in one line, instead
 * of both bodies printed whole.
 */
public final class DefinitionDiff {

	/** A property value longer than this, or on several lines, is shown as a diff. */
	static final int LONG = 100;

	private static final int CONTEXT = 2;

	private DefinitionDiff() {
	}

	/**
	 * Whether a property's two values are better shown as a diff than inline: either
	 * spans several lines or is long.
	 */
	public static boolean wanted(String a, String b) {
		return isLong(a) || isLong(b);
	}

	private static boolean isLong(String value) {
		return value != null && (value.indexOf('\n') >= 0 || value.length() > LONG);
	}

	/**
	 * The unified diff of two texts, headed {@code --- aName} / {@code +++ bName}, hunks
	 * with {@code @@} lines; empty when the texts are equal. A null text counts as empty.
	 */
	public static List<String> unified(String a, String b, String aName, String bName) {
		List<String> aLines = lines(a);
		List<String> bLines = lines(b);
		Patch<String> patch = DiffUtils.diff(aLines, bLines);
		if (patch.getDeltas().isEmpty()) {
			return List.of();
		}
		return new ArrayList<>(UnifiedDiffUtils.generateUnifiedDiff(aName, bName, aLines, patch, CONTEXT));
	}

	private static List<String> lines(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return List.of(text.strip().split("\\R", -1));
	}

}
