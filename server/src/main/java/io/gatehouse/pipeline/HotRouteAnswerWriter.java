package io.gatehouse.pipeline;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

/**
 * Writes the hot route's answer (the username check's, a record of one type) as Spring
 * MVC's JSON converter would, without the converter's machinery, when the request leaves
 * that machinery nothing to decide; otherwise hands it to Spring MVC's own
 * {@code @ResponseBody} handling.
 * <p>
 * Spring MVC negotiates the content type, asks each converter whether it can write the
 * value, consults the response-body advice, copies headers through the response's
 * wrappers and checks the path for a reflected-file-download risk: 5.8 % of a username
 * check's CPU beyond serialising and writing the answer (docs/benchmarks.md). When the
 * request sends no {@code Accept} (the SDK's) or one that can only come out as
 * {@code application/json} (the web client's among them), and the last segment of its
 * path has no {@code .}, {@code %} or {@code ;} (so Spring MVC adds no
 * {@code Content-Disposition}), the outcome is fixed: {@code Content-Type:
 * application/json}, the application's {@code JsonMapper} writing the value in UTF-8, and
 * (as {@code config/ContentLengthJsonConverter} does) a {@code Content-Length}. This
 * writes exactly that. The tests compare both ways byte for byte. No response-body advice
 * is skipped: Gatehouse has none, and Spring MVC's JSON-view advice acts only on a method
 * annotated {@code @JsonView}, which the check is not.
 */
final class HotRouteAnswerWriter implements HandlerMethodReturnValueHandler {

	private static final Set<String> PLAIN_ACCEPTS = Set.of(MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE,
			"application/json, application/problem+json");

	private final Class<?> answerType;

	private final ObjectWriter writer;

	private final HandlerMethodReturnValueHandler springMvc;

	HotRouteAnswerWriter(Class<?> answerType, JsonMapper mapper, HandlerMethodReturnValueHandler springMvc) {
		this.answerType = answerType;
		// What Spring MVC's Jackson converter writes with when the method has no JSON
		// view.
		this.writer = mapper.writer();
		this.springMvc = springMvc;
	}

	/**
	 * Spring MVC's handler adapter, set up as Spring MVC sets it up, then with a writer
	 * for {@code answerType} ahead of its return-value handlers; the writer hands every
	 * other case to Spring MVC's {@code @ResponseBody} handler.
	 */
	static RequestMappingHandlerAdapter firstInAdapter(Class<?> answerType, JsonMapper mapper) {
		return new RequestMappingHandlerAdapter() {
			@Override
			public void afterPropertiesSet() {
				super.afterPropertiesSet();
				List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(getReturnValueHandlers());
				HandlerMethodReturnValueHandler springMvc = handlers.stream()
					.filter(RequestResponseBodyMethodProcessor.class::isInstance)
					.findFirst()
					.orElseThrow();
				handlers.add(0, new HotRouteAnswerWriter(answerType, mapper, springMvc));
				setReturnValueHandlers(handlers);
			}
		};
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return returnType.getParameterType() == this.answerType && this.springMvc.supportsReturnType(returnType);
	}

	@Override
	public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest) throws Exception {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
		if (returnValue == null || request == null || response == null || !leavesNothingToDecide(request)) {
			this.springMvc.handleReturnValue(returnValue, returnType, mavContainer, webRequest);
			return;
		}
		mavContainer.setRequestHandled(true);
		byte[] body = this.writer.writeValueAsBytes(returnValue);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		ServletOutputStream out = response.getOutputStream();
		out.write(body);
		out.flush();
	}

	static boolean leavesNothingToDecide(HttpServletRequest request) {
		return request.getDispatcherType() == DispatcherType.REQUEST && isPlainAccept(request)
				&& hasPlainLastSegment(request.getRequestURI());
	}

	/**
	 * None, or one {@code Accept} that can only come out as {@code application/json}:
	 * JSON, anything, or what the web client sends (JSON or a problem).
	 */
	private static boolean isPlainAccept(HttpServletRequest request) {
		Enumeration<String> accepts = request.getHeaders(HttpHeaders.ACCEPT);
		if (accepts == null || !accepts.hasMoreElements()) {
			return true;
		}
		String accept = accepts.nextElement();
		return !accepts.hasMoreElements() && PLAIN_ACCEPTS.contains(accept);
	}

	/**
	 * No file extension, path parameter or escape in the last segment of the raw path:
	 * Spring MVC's reflected-file-download check then adds nothing.
	 */
	private static boolean hasPlainLastSegment(String requestUri) {
		for (int i = requestUri.length() - 1; i >= 0; i--) {
			char c = requestUri.charAt(i);
			if (c == '/') {
				return true;
			}
			if (c == '.' || c == '%' || c == ';') {
				return false;
			}
		}
		return true;
	}

}
