package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified line diff (as {@code diff -u} prints it, three lines of context) from the
 * longest common subsequence of lines. Meant for migration files, not for huge inputs.
 */
public final class LineDiff {

	private static final int CONTEXT = 3;

	private LineDiff() {
	}

	/**
	 * The diff from {@code before} to {@code after}; empty when they have the same lines.
	 */
	public static String unified(String before, String after, String beforeLabel, String afterLabel) {
		List<String> a = lines(before);
		List<String> b = lines(after);
		List<Edit> edits = edits(a, b);
		if (edits.stream().allMatch(e -> e.op == ' ')) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		out.append("--- ").append(beforeLabel).append('\n').append("+++ ").append(afterLabel).append('\n');
		int i = 0;
		while (i < edits.size()) {
			if (edits.get(i).op == ' ') {
				i++;
				continue;
			}
			int start = Math.max(0, i - CONTEXT);
			int lastChange = i;
			for (int j = i + 1; j < edits.size() && j - lastChange <= 2 * CONTEXT + 1; j++) {
				if (edits.get(j).op != ' ') {
					lastChange = j;
				}
			}
			int end = Math.min(edits.size(), lastChange + CONTEXT + 1);
			hunk(out, edits.subList(start, end));
			i = end;
		}
		return out.toString();
	}

	private static void hunk(StringBuilder out, List<Edit> hunk) {
		int aStart = hunk.get(0).aLine;
		int bStart = hunk.get(0).bLine;
		int aCount = (int) hunk.stream().filter(e -> e.op != '+').count();
		int bCount = (int) hunk.stream().filter(e -> e.op != '-').count();
		out.append("@@ -").append(aCount == 0 ? aStart - 1 : aStart).append(',').append(aCount);
		out.append(" +").append(bCount == 0 ? bStart - 1 : bStart).append(',').append(bCount).append(" @@\n");
		for (Edit e : hunk) {
			out.append(e.op).append(e.text).append('\n');
		}
	}

	private record Edit(char op, String text, int aLine, int bLine) {
	}

	private static List<Edit> edits(List<String> a, List<String> b) {
		int n = a.size();
		int m = b.size();
		int[][] lcs = new int[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		List<Edit> edits = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < n || j < m) {
			if (i < n && j < m && a.get(i).equals(b.get(j))) {
				edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
				i++;
				j++;
			}
			else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
				edits.add(new Edit('-', a.get(i), i + 1, j + 1));
				i++;
			}
			else {
				edits.add(new Edit('+', b.get(j), i + 1, j + 1));
				j++;
			}
		}
		return edits;
	}

	private static List<String> lines(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		String normalised = text.replace("\r\n", "\n");
		if (normalised.endsWith("\n")) {
			normalised = normalised.substring(0, normalised.length() - 1);
		}
		return List.of(normalised.split("\n", -1));
	}

}
