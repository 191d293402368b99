package dev.migsh.core.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTest {

	@Test
	void printsAUnifiedDiffWithContext() {
		String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nl\n";
		String after = "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nl\nk\n";

		assertThat(LineDiff.unified(before, after, "ran", "file")).isEqualTo("""
				--- ran
				+++ file
				@@ -1,7 +1,7 @@
				 a
				 b
				 c
				-d
				+D
				 e
				 f
				 g
				@@ -9,3 +9,4 @@
				 i
				 j
				 l
				+k
				""");
	}

	@Test
	void sameLinesGiveNoDiffWhateverTheLineEndings() {
		assertThat(LineDiff.unified("a\r\nb\r\n", "a\nb\n", "x", "y")).isEmpty();
	}

}
