package io.gatehouse.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Boot's JSON converter, except that an answer goes out whole, with its
 * {@code Content-Length}, instead of chunked. Spring's converter streams into the
 * response and flushes it, which makes Tomcat send the body as a chunk and the
 * terminating empty chunk as a second socket write: every JSON answer cost two writes
 * where one does, and the client read two segments. Gatehouse's answers are a few hundred
 * bytes, so the buffer is small, and a client or proxy knows an answer's length up front.
 */
final class ContentLengthJsonConverter extends JacksonJsonHttpMessageConverter {

	ContentLengthJsonConverter(JsonMapper mapper) {
		super(mapper);
	}

	@Override
	protected void writeInternal(Object object, ResolvableType type, HttpOutputMessage output,
			Map<String, Object> hints) throws IOException {
		BufferedOutput buffered = new BufferedOutput(output.getHeaders());
		super.writeInternal(object, type, buffered, hints);
		output.getHeaders().setContentLength(buffered.body.size());
		buffered.body.writeTo(output.getBody());
	}

	/**
	 * The response's headers (the converter reads the content type there) over a buffer.
	 */
	private static final class BufferedOutput implements HttpOutputMessage {

		private final HttpHeaders headers;

		private final ByteArrayOutputStream body = new ByteArrayOutputStream(512);

		BufferedOutput(HttpHeaders headers) {
			this.headers = headers;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public OutputStream getBody() {
			return this.body;
		}

	}

}
