package dev.migsh.core.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTest {

	@Test
	void isTheHexSha256OfTheUtf8Text() {
		assertThat(Checksums.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void lineEndingsAndAByteOrderMarkAreNotAnEdit() {
		String lf = "CREATE TABLE t (id int);\nSELECT 1;\n";
		assertThat(Checksums.sha256("CREATE TABLE t (id int);\r\nSELECT 1;\r\n")).isEqualTo(Checksums.sha256(lf));
		assertThat(Checksums.sha256("CREATE TABLE t (id int);\rSELECT 1;\r")).isEqualTo(Checksums.sha256(lf));
		assertThat(Checksums.sha256("\uFEFF" + lf)).isEqualTo(Checksums.sha256(lf));
	}

	@Test
	void anyOtherChangeIsAnEdit() {
		assertThat(Checksums.sha256("SELECT 1;")).isNotEqualTo(Checksums.sha256("SELECT  1;"));
	}

}
