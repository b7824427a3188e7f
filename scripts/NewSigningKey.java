// Prints a JWK set holding one new RSA signing key for Gatehouse (RS256, 2048 bits, kid =
// RFC 7638 thumbprint), for the cluster profile's shared gatehouse.tokens.signing-keys file.
// Needs only a JDK (17+), no build:
//
//   java scripts/NewSigningKey.java > signing-keys.jwks && chmod 600 signing-keys.jwks
//
// The output holds a private key: write it to a file only its owner can read.
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;

public class NewSigningKey {

	public static void main(String[] args) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
		String n = b64(key.getModulus());
		String e = b64(key.getPublicExponent());
		String thumbprintInput = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
		String kid = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(thumbprintInput.getBytes(StandardCharsets.UTF_8)));
		System.out.println("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
				+ n + "\",\"e\":\"" + e + "\",\"d\":\"" + b64(key.getPrivateExponent()) + "\",\"p\":\""
				+ b64(key.getPrimeP()) + "\",\"q\":\"" + b64(key.getPrimeQ()) + "\",\"dp\":\""
				+ b64(key.getPrimeExponentP()) + "\",\"dq\":\"" + b64(key.getPrimeExponentQ()) + "\",\"qi\":\""
				+ b64(key.getCrtCoefficient()) + "\"}]}");
	}

	/** Base64url of the unsigned big-endian bytes (RFC 7518 §6.3: no leading zero byte). */
	private static String b64(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
