package io.gatehouse.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.bench.textbook.TextbookResourceServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The textbook request: a GET with a bearer token (RS256, minted with the textbook
 * server's key for this run), nothing else.
 */
final class TextbookTarget implements LoadDriver.Target {

	private final OkHttpClient http = new OkHttpClient();

	private final Request request;

	TextbookTarget(String baseUrl, String username, Path keyFile) throws Exception {
		this.request = new Request.Builder().url(baseUrl + "/api/customers/check-username/" + username)
			.header("Authorization", "Bearer " + mint(keyFile, username))
			.build();
	}

	/** A bearer token for the textbook server (RS256 with its key, valid 15 minutes). */
	static String mint(Path keyFile, String username) throws Exception {
		RSAKey key = TextbookResourceServer.keyPair(keyFile);
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("textbook")
			.subject(username)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(900)))
			.claim("scope", "user")
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	@Override
	public void call() throws Exception {
		try (Response response = this.http.newCall(this.request).execute()) {
			String body = response.body().string();
			if (response.code() != 200 || !body.contains("\"exists\":true")) {
				throw new IllegalStateException("Unexpected answer " + response.code());
			}
		}
	}

	@Override
	public void close() {
		this.http.dispatcher().executorService().shutdown();
		this.http.connectionPool().evictAll();
	}

}
