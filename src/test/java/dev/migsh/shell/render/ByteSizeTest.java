package dev.migsh.shell.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSizeTest {

	@Test
	void writesSizesAsPgSizePrettyDoes() {
		assertThat(ByteSize.format(0)).isEqualTo("0 bytes");
		assertThat(ByteSize.format(8192)).isEqualTo("8192 bytes");
		assertThat(ByteSize.format(10239)).isEqualTo("10239 bytes");
		assertThat(ByteSize.format(10240)).isEqualTo("10 kB");
		assertThat(ByteSize.format(16384)).isEqualTo("16 kB");
		assertThat(ByteSize.format(1536 * 1024 - 1)).isEqualTo("1536 kB");
		assertThat(ByteSize.format(20L * 1024 * 1024)).isEqualTo("20 MB");
		assertThat(ByteSize.format(123_456_789_012L)).isEqualTo("115 GB");
	}

}
