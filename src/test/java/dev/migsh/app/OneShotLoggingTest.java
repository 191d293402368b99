package dev.migsh.app;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs without Spring configure logging in code; it must say what logback-spring.xml
 * says, or a one-shot command would log elsewhere than the shell.
 */
class OneShotLoggingTest {

	@TempDir
	java.nio.file.Path home;

	@Test
	void theCodeSaysWhatLogbackSpringXmlSays() throws Exception {
		for (String level : List.of("OFF", "DEBUG")) {
			System.setProperty("migsh.home", this.home.toString());
			System.setProperty("migsh.console.level", level);
			LoggerContext fromXml = new LoggerContext();
			JoranConfigurator joran = new JoranConfigurator();
			joran.setContext(fromXml);
			joran.doConfigure(getClass().getResource("/logback-spring.xml"));
			LoggerContext fromCode = new LoggerContext();
			OneShotLogging.configure(fromCode, this.home.toString(), level);
			assertThat(describe(fromCode)).isEqualTo(describe(fromXml)).isNotEmpty();
			fromXml.stop();
			fromCode.stop();
		}
	}

	/** Every configured logger with its level and appenders, as text. */
	private static List<String> describe(LoggerContext context) {
		List<String> lines = new ArrayList<>();
		for (Logger logger : context.getLoggerList()) {
			if (logger.getLevel() == null && !logger.iteratorForAppenders().hasNext()) {
				continue;
			}
			lines.add(logger.getName() + " " + logger.getLevel());
			Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders();
			while (appenders.hasNext()) {
				lines.add("  " + appender(appenders.next()));
			}
		}
		return lines;
	}

	private static String appender(Appender<ILoggingEvent> appender) {
		StringBuilder text = new StringBuilder(appender.getName() + " " + appender.getClass().getSimpleName());
		if (appender instanceof OutputStreamAppender<ILoggingEvent> stream
				&& stream.getEncoder() instanceof PatternLayoutEncoder encoder) {
			text.append(" pattern=").append(encoder.getPattern());
		}
		if (appender instanceof RollingFileAppender<ILoggingEvent> file) {
			FixedWindowRollingPolicy rolling = (FixedWindowRollingPolicy) file.getRollingPolicy();
			SizeBasedTriggeringPolicy<ILoggingEvent> trigger = (SizeBasedTriggeringPolicy<ILoggingEvent>) file
				.getTriggeringPolicy();
			text.append(" file=")
				.append(file.getFile())
				.append(" rolling=")
				.append(rolling.getFileNamePattern())
				.append(' ')
				.append(rolling.getMinIndex())
				.append('-')
				.append(rolling.getMaxIndex())
				.append(" max=")
				.append(trigger.getMaxFileSize());
		}
		if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
			text.append(" target=").append(console.getTarget());
		}
		appender.getCopyOfAttachedFiltersList()
			.forEach(filter -> text.append(" filter=")
				.append(filter.getClass().getSimpleName())
				.append(filter instanceof ThresholdFilter ? thresholdOf((ThresholdFilter) filter) : ""));
		return text.toString();
	}

	private static String thresholdOf(ThresholdFilter filter) {
		// the filter keeps its level private: probe it
		StringBuilder passes = new StringBuilder(" passes");
		for (ch.qos.logback.classic.Level level : List.of(ch.qos.logback.classic.Level.TRACE,
				ch.qos.logback.classic.Level.DEBUG, ch.qos.logback.classic.Level.INFO,
				ch.qos.logback.classic.Level.WARN, ch.qos.logback.classic.Level.ERROR)) {
			ch.qos.logback.classic.spi.LoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent();
			event.setLevel(level);
			if (filter.decide(event) != ch.qos.logback.core.spi.FilterReply.DENY) {
				passes.append(' ').append(level);
			}
		}
		return passes.toString();
	}

}
