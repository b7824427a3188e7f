package io.gatehouse.appsig;

/**
 * An {@code x-app-version}: {@code MAJOR.MINOR.PATCH}, each part 1 to 9 ASCII digits (so
 * it fits an int and no pre-release or build suffix slips through). Parsed by hand: it
 * runs on every request, and a malformed value is an answer, not an exception.
 */
public record AppVersion(int major, int minor, int patch) implements Comparable<AppVersion> {

	private static final int MAX_PART_DIGITS = 9;

	/** The version, or {@code null} when the value is not {@code MAJOR.MINOR.PATCH}. */
	public static AppVersion parse(String value) {
		if (value == null || value.length() > 3 * MAX_PART_DIGITS + 2) {
			return null;
		}
		int[] parts = new int[3];
		int part = 0;
		int digits = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '.') {
				if (digits == 0 || ++part == parts.length) {
					return null;
				}
				digits = 0;
			}
			else if (c >= '0' && c <= '9' && digits < MAX_PART_DIGITS) {
				parts[part] = parts[part] * 10 + (c - '0');
				digits++;
			}
			else {
				return null;
			}
		}
		return (part == 2 && digits > 0) ? new AppVersion(parts[0], parts[1], parts[2]) : null;
	}

	/**
	 * For configuration binding ({@code minimum-versions}): a bad value stops the start.
	 */
	public static AppVersion valueOf(String value) {
		AppVersion version = parse(value);
		if (version == null) {
			throw new IllegalArgumentException("Not a MAJOR.MINOR.PATCH version: " + value);
		}
		return version;
	}

	@Override
	public int compareTo(AppVersion other) {
		int byMajor = Integer.compare(this.major, other.major);
		if (byMajor != 0) {
			return byMajor;
		}
		int byMinor = Integer.compare(this.minor, other.minor);
		return (byMinor != 0) ? byMinor : Integer.compare(this.patch, other.patch);
	}

	@Override
	public String toString() {
		return this.major + "." + this.minor + "." + this.patch;
	}

}
