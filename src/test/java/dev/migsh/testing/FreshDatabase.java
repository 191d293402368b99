package dev.migsh.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension: a test method (or constructor, or lifecycle method) that declares a
 * {@link TestDatabase} parameter gets a new empty database, dropped after the test.
 */
public final class FreshDatabase implements ParameterResolver, AfterEachCallback {

	private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FreshDatabase.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == TestDatabase.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getStore(NS).computeIfAbsent("db", key -> TestPostgres.createDatabase(), TestDatabase.class);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		TestDatabase db = context.getStore(NS).remove("db", TestDatabase.class);
		if (db != null) {
			db.close();
		}
	}

}
