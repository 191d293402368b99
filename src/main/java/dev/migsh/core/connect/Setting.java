package dev.migsh.core.connect;

/**
 * One connection setting whose origin {@link ConnectionSettings} records.
 */
public enum Setting {

	HOST, PORT, DATABASE, USER, PASSWORD, SSLMODE

}
