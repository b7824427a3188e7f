package io.gatehouse.appsig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BodyReaderTests {

	private static final int LIMIT = 64 * 1024;

	@Test
	void readWhenEmptyThenEmptyHash() throws IOException {
		BodyReader.Body body = BodyReader.read(new ByteArrayInputStream(new byte[0]), -1, LIMIT);
		assertThat(body.bytes()).isEmpty();
		assertThat(body.sha256()).isEqualTo("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
		assertThat(body.tooLarge()).isFalse();
	}

	@Test
	void readWhenUnknownLengthThenEveryByteKeptAndHashed() throws IOException {
		byte[] bytes = bytes(LIMIT);
		BodyReader.Body body = BodyReader.read(new ByteArrayInputStream(bytes), -1, LIMIT);
		assertThat(body.bytes()).isEqualTo(bytes);
		assertThat(body.sha256()).isEqualTo(Base64Url.encode(io.gatehouse.support.ApiClient.sha256(bytes)));
		assertThat(body.tooLarge()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 8191, 8192, 8193, 16385 })
	void readWhenUnknownLengthAroundChunkSizesThenEveryByteKeptAndHashed(int size) throws IOException {
		byte[] bytes = bytes(size);
		BodyReader.Body body = BodyReader.read(new ByteArrayInputStream(bytes), -1, LIMIT);
		assertThat(body.bytes()).isEqualTo(bytes);
		assertThat(body.sha256()).isEqualTo(Base64Url.encode(io.gatehouse.support.ApiClient.sha256(bytes)));
	}

	@Test
	void readWhenKnownLengthThenEveryByteKept() throws IOException {
		byte[] bytes = bytes(1000);
		assertThat(BodyReader.read(new ByteArrayInputStream(bytes), bytes.length, LIMIT).bytes()).isEqualTo(bytes);
	}

	@Test
	void readWhenOverLimitThenHashedNotKeptAndMarked() throws IOException {
		byte[] bytes = bytes(LIMIT + 1);
		BodyReader.Body body = BodyReader.read(new ByteArrayInputStream(bytes), -1, LIMIT);
		assertThat(body.tooLarge()).isTrue();
		assertThat(body.bytes()).isEmpty();
		assertThat(body.sha256()).isEqualTo(Base64Url.encode(io.gatehouse.support.ApiClient.sha256(bytes)));
	}

	@Test
	void readWhenBeyondHardLimitThenStopsReading() {
		InputStream endless = new InputStream() {

			@Override
			public int read() {
				return 'x';
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				Arrays.fill(buffer, offset, offset + length, (byte) 'x');
				return length;
			}

		};
		assertThatExceptionOfType(BodyReader.BeyondHardLimitException.class)
			.isThrownBy(() -> BodyReader.read(endless, -1, LIMIT));
	}

	@Test
	void readWhenContentLengthBeyondHardLimitThenRefusedUnread() {
		assertThatExceptionOfType(BodyReader.BeyondHardLimitException.class)
			.isThrownBy(() -> BodyReader.read(InputStream.nullInputStream(), BodyReader.HARD_LIMIT + 1L, LIMIT));
	}

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (i * 31);
		}
		return bytes;
	}

}
