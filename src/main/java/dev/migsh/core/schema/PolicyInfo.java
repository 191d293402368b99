package dev.migsh.core.schema;

import java.util.List;

/**
 * A row-level security policy on the described table.
 *
 * @param name the policy name, unquoted
 * @param permissive false for AS RESTRICTIVE
 * @param command SELECT, INSERT, UPDATE or DELETE; null for ALL
 * @param roles the roles it applies to, sorted; empty for PUBLIC
 * @param using the USING expression, or null
 * @param withCheck the WITH CHECK expression, or null
 */
public record PolicyInfo(String name, boolean permissive, String command, List<String> roles, String using,
		String withCheck) {

	public PolicyInfo {
		roles = List.copyOf(roles);
	}

}
