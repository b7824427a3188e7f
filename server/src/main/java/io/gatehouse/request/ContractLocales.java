package io.gatehouse.request;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

/**
 * Resolves the {@code locale} header (a BCP 47 tag) to one of the shipped languages,
 * falling back to English (docs/contract.md §1). It never fails: a malformed tag is
 * English too.
 */
public final class ContractLocales implements LocaleResolver {

	/** The request header that names the caller's language. */
	public static final String HEADER = "locale";

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ur"),
			Locale.forLanguageTag("es"));

	private static final int MAX_TAG_LENGTH = 64;

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return resolve(request.getHeader(HEADER));
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The locale comes from the request's locale header");
	}

	/** The supported locale for a tag: its language if shipped, else English. */
	public static Locale resolve(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
			return Locale.ENGLISH;
		}
		// What clients send nearly always: a bare shipped language, answered without the
		// parser a full tag needs on every request.
		for (Locale supported : SUPPORTED) {
			if (supported.getLanguage().equals(tag)) {
				return supported;
			}
		}
		try {
			String language = new Locale.Builder().setLanguageTag(tag.trim()).build().getLanguage();
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(language)) {
					return supported;
				}
			}
		}
		catch (IllformedLocaleException ex) {
			// A malformed tag is not an error (docs/contract.md §1: locale never fails).
		}
		return Locale.ENGLISH;
	}

}
