package dev.migsh.core.connect;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxPortTest {

	@Test
	void eachUserPrefersAStablePortOfTheirOwn() {
		assertThat(Sandbox.preferredPort("alice")).isEqualTo(Sandbox.preferredPort("alice"));
		Set<Integer> ports = new HashSet<>();
		for (String user : new String[] { "alice", "bob", "ops", "deploy", "root", "postgres" }) {
			int port = Sandbox.preferredPort(user);
			assertThat(port).isBetween(Sandbox.PREFERRED_PORT, Sandbox.PREFERRED_PORT + 499);
			ports.add(port);
		}
		assertThat(ports).hasSize(6);
	}

}
