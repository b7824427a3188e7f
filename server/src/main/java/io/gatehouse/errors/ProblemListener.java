package io.gatehouse.errors;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Told of every failure {@link ProblemWriter} answers, before the answer is written: how
 * the audit trail sees every refusal without the errors package knowing of it.
 */
@FunctionalInterface
public interface ProblemListener {

	void answered(HttpServletRequest request, ErrorCode code);

}
