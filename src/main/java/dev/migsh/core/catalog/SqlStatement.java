package dev.migsh.core.catalog;

/**
 * One SQL statement of a migration section, as the splitter cut it: the text without its
 * terminating semicolon, and where it starts in its file (1-based line and column).
 */
public record SqlStatement(String sql, int line, int column) {
}
