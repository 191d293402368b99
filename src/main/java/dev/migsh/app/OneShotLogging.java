package dev.migsh.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.Logger;

/**
 * logback-spring.xml, written as code for runs without Spring: the same file, rolling,
 * patterns and levels, without the XML configurator (a thousand classes and a tenth of a
 * second at start). {@code OneShotLoggingTest} proves the two say the same.
 */
final class OneShotLogging {

	private OneShotLogging() {
	}

	/**
	 * Replaces what {@code context} was configured with.
	 * @param home migsh's home; logs go to its {@code logs} folder
	 * @param consoleLevel the least level shown on stderr ({@code OFF} unless
	 * {@code --verbose})
	 */
	static void configure(LoggerContext context, String home, String consoleLevel) {
		context.reset();
		String dir = home + "/logs";
		RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
		file.setContext(context);
		file.setName("FILE");
		file.setFile(dir + "/migsh.log");
		FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
		rolling.setContext(context);
		rolling.setParent(file);
		rolling.setFileNamePattern(dir + "/migsh.%i.log");
		rolling.setMinIndex(1);
		rolling.setMaxIndex(3);
		rolling.start();
		SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
		trigger.setContext(context);
		trigger.setMaxFileSize(FileSize.valueOf("5MB"));
		trigger.start();
		file.setRollingPolicy(rolling);
		file.setTriggeringPolicy(trigger);
		file.setEncoder(encoder(context, "%d{ISO8601} %-5level [%thread] %logger{30} - %msg%n"));
		file.start();
		ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
		stderr.setContext(context);
		stderr.setName("STDERR");
		stderr.setTarget("System.err");
		ThresholdFilter threshold = new ThresholdFilter();
		threshold.setContext(context);
		threshold.setLevel(consoleLevel);
		threshold.start();
		stderr.addFilter(threshold);
		stderr.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n"));
		stderr.start();
		ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.INFO);
		root.addAppender(file);
		root.addAppender(stderr);
		context.getLogger("org.jline").setLevel(Level.ERROR);
		context.getLogger("io.zonky").setLevel(Level.WARN);
	}

	private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern(pattern);
		encoder.start();
		return encoder;
	}

}
