package dev.migsh.core.lint;

/** How much a finding matters: ERROR findings need an acknowledgement before they run. */
public enum Severity {

	INFO, WARNING, ERROR

}
