package dev.migsh.core.schema;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyOrderTest {

	private static final Function<String, String> ID = Function.identity();

	@Test
	void putsEachObjectAfterWhatItDependsOnAndOtherwiseInTheGivenOrder() {
		List<String[]> edges = List.of(edge("a_view", "m_table"), edge("m_table", "z_type"), edge("b_func", "z_type"));

		DependencyOrder.Result<String> result = DependencyOrder.sort(List.of("a_view", "b_func", "m_table", "z_type"),
				ID, edges, Comparator.naturalOrder());

		assertThat(result.ordered()).containsExactly("z_type", "b_func", "m_table", "a_view");
		assertThat(result.cycleBreaks()).isEmpty();
	}

	@Test
	void ignoresSelfReferencesAndObjectsOutsideTheList() {
		List<String[]> edges = List.of(edge("a", "a"), edge("a", "elsewhere"), edge(null, "a"));

		assertThat(DependencyOrder.sort(List.of("b", "a"), ID, edges, Comparator.naturalOrder()).ordered())
			.containsExactly("a", "b");
	}

	@Test
	void breaksACycleAtTheObjectWaitingOnFewestAndReportsIt() {
		List<String[]> edges = List.of(edge("a", "b"), edge("a", "c"), edge("b", "a"), edge("c", "b"));

		DependencyOrder.Result<String> result = DependencyOrder.sort(List.of("a", "b", "c"), ID, edges,
				Comparator.naturalOrder());

		assertThat(result.ordered()).containsExactly("b", "c", "a");
		assertThat(result.cycleBreaks()).containsExactly("b");
	}

	private static String[] edge(String from, String to) {
		return new String[] { from, to };
	}

}
