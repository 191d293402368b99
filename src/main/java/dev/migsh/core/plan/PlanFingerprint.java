package dev.migsh.core.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A short hash over what a plan was computed from (the files, the history rows and the
 * catalog facts its verdicts relied on), keeping those facts so that a later plan can say
 * which of them changed.
 */
public record PlanFingerprint(String hash, SortedMap<String, String> facts) {

	public PlanFingerprint {
		facts = Collections.unmodifiableSortedMap(new TreeMap<>(facts));
	}

	public static PlanFingerprint of(Map<String, String> facts) {
		SortedMap<String, String> sorted = new TreeMap<>(facts);
		StringBuilder text = new StringBuilder();
		sorted.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
		return new PlanFingerprint(sha256(text.toString()).substring(0, 12), sorted);
	}

	public boolean sameAs(PlanFingerprint other) {
		return this.hash.equals(other.hash);
	}

	/**
	 * One line per fact that differs from {@code earlier}: what it was and what it is
	 * now.
	 */
	public List<String> changesSince(PlanFingerprint earlier) {
		Set<String> keys = new TreeSet<>(earlier.facts.keySet());
		keys.addAll(this.facts.keySet());
		List<String> changes = new ArrayList<>();
		for (String key : keys) {
			String before = earlier.facts.get(key);
			String now = this.facts.get(key);
			if (before == null) {
				changes.add(key + ": now " + now + " (not there at plan time)");
			}
			else if (now == null) {
				changes.add(key + ": gone (was " + before + ")");
			}
			else if (!before.equals(now)) {
				changes.add(key + ": was " + before + ", now " + now);
			}
		}
		return changes;
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			StringBuilder hex = new StringBuilder();
			for (byte b : digest) {
				hex.append(String.format("%02x", b));
			}
			return hex.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
