#!/usr/bin/env python3
"""Where a server's request threads spend their CPU, from a JFR recording made by
`side-by-side.sh profile`: the share of samples (on Tomcat's request threads) whose stack
contains each step of the secured path, and the top allocation sites. The samples are JDK
25's CPU-time samples (jdk.CPUTimeSample, JEP 509) when the recording has them: unlike
execution samples, which see only threads running Java code, they count CPU time in system
calls too (socket and log writes). Otherwise the execution samples.

    python3 bench/jfr-breakdown.py /tmp/gatehouse-bench/gatehouse-jfr.jfr
"""
import collections
import json
import os
import subprocess
import sys

# (label, substring of "package.Class.method") -- inclusive: a sample counts for every
# step on its stack, so nested steps (the decoder inside the bearer filter) overlap.
STEPS = [
    ("whole request (Http11Processor.service)", "org.apache.coyote.http11.Http11Processor.service"),
    ("socket read/write", "sun.nio.ch.SocketDispatcher."),
    ("access log line (AccessLog.write)", "io.gatehouse.request.AccessLog.write"),
    ("request id UUID (RequestIdFilter.requestIdOf)", "io.gatehouse.request.RequestIdFilter.requestIdOf"),
    ("metrics observation (ServerHttpObservationFilter)", "ServerHttpObservationFilter.doFilterInternal"),
    ("Spring Security chain (FilterChainProxy.doFilterInternal)", "FilterChainProxy.doFilterInternal"),
    ("app signature check (SignedRequestCheck.check)", "io.gatehouse.appsig.SignedRequestCheck.check"),
    ("  parse + HMAC (SignatureVerifier.verify)", "io.gatehouse.appsig.SignatureVerifier.verify"),
    ("  Mac.getInstance/init", "javax.crypto.Mac.getInstance"),
    ("  body read + hash (BodyReader.read)", "io.gatehouse.appsig.BodyReader.read"),
    ("  token SHA-256 for ath (AccessTokenDigest.of)", "io.gatehouse.auth.AccessTokenDigest.of"),
    ("  nonce store (firstUse)", ".firstUse"),
    ("bearer filter (BearerTokenAuthenticationFilter)", "BearerTokenAuthenticationFilter.doFilterInternal"),
    ("  JwtDecoder.decode", "JwtDecoder.decode"),
    ("  AccessTokenDecoder.decode", "io.gatehouse.auth.AccessTokenDecoder.decode"),
    ("  RS256 verify (RSASSAVerifier.verify)", "RSASSAVerifier.verify"),
    ("  revocation lookup (isRevoked)", ".isRevoked"),
    ("CSRF check (CsrfTokens.isValid)", "io.gatehouse.csrf.CsrfTokens.isValid"),
    ("rate limits (CheckRateLimits.consume)", "io.gatehouse.customer.CheckRateLimits.consume"),
    ("username normalisation (Usernames.normalize)", "io.gatehouse.account.Usernames.normalize"),
    ("database row (ProfileRepository.findByUsername)", "io.gatehouse.customer.ProfileRepository.findByUsername"),
    ("MVC dispatch (DispatcherServlet.doDispatch)", "DispatcherServlet.doDispatch"),
    ("JSON response write (HttpMessageConverter.write)", "HttpMessageConverter.write"),
]


# Exclusive view: each sample goes to the innermost step on its stack (walking up from the
# leaf, the first frame that matches a prefix below, in this order of precedence).
OWNERS = [
    ("socket read/write (system calls)", ("sun.nio.ch.SocketDispatcher.",)),
    ("metrics and tracing: Micrometer, OpenTelemetry", ("io.micrometer.", "io.opentelemetry.", "org.springframework.security.web.ObservationFilterChainDecorator",
                                          "ObservationAuthenticationManager", "ObservationAuthorizationManager",
                                          "ObservationConvention",
                                          "org.springframework.web.filter.ServerHttpObservationFilter")),
    ("Spring Security firewall (header checks)", ("org.springframework.security.web.firewall.",
                                                  "io.gatehouse.pipeline.FirewallCharacters")),
    ("bearer token extraction (DefaultBearerTokenResolver)", ("DefaultBearerTokenResolver",
                                                              "io.gatehouse.pipeline.BearerHeader")),
    ("audit log", ("io.gatehouse.audit.",)),
    ("app signature: parse + HMAC", ("io.gatehouse.appsig.SignatureVerifier", "io.gatehouse.appsig.SignedPayloadParser")),
    ("app signature: headers, body, ath, nonce", ("io.gatehouse.appsig.",)),
    ("token decode (cache, revocation)", ("io.gatehouse.auth.",)),
    ("JWT parse + RS256 verify (Nimbus)", ("com.nimbusds.", "NimbusJwtDecoder", "sun.security.rsa.", "java.math.")),
    ("CSRF check", ("io.gatehouse.csrf.",)),
    ("rate limits", ("io.gatehouse.customer.CheckRateLimits", "io.github.bucket4j.")),
    ("database row (JDBC, H2, Hikari)", ("io.gatehouse.customer.ProfileRepository", "org.h2.", "com.zaxxer.",
                                          "org.springframework.jdbc.")),
    ("username normalisation", ("io.gatehouse.account.Usernames",)),
    ("access log line", ("io.gatehouse.request.AccessLog", "ch.qos.logback.", "org.slf4j.",
                         "org.springframework.boot.logging.")),
    ("request id, Date, locale headers", ("io.gatehouse.request.",)),
    ("textbook controller", ("io.gatehouse.bench.",)),
    ("controller (other)", ("io.gatehouse.",)),
    ("JSON response", ("tools.jackson.", "com.fasterxml.jackson.", "HttpMessageConverter")),
    ("Spring Security (other)", ("org.springframework.security.",)),
    ("Spring MVC", ("org.springframework.web.servlet.",)),
    ("Spring web (other)", ("org.springframework.",)),
    ("Tomcat: HTTP parsing, I/O, servlet plumbing", ("org.apache.",)),
]


def owner(stack):
    for frame in stack:
        for label, prefixes in OWNERS:
            if any(frame.startswith(p) or p in frame for p in prefixes):
                return label
    return "other (JDK only)"


def frames(event):
    trace = event["values"].get("stackTrace") or {}
    for frame in trace.get("frames", []):
        method = frame["method"]
        yield method["type"]["name"].replace("/", ".") + "." + method["name"]


def thread_name(event):
    thread = event["values"].get("sampledThread") or event["values"].get("eventThread") or {}
    return thread.get("javaName") or thread.get("osName") or ""


def load(path, kind, depth):
    # The recording's own JDK reads it best: JFR=/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr
    out = subprocess.run([os.environ.get("JFR", "jfr"), "print", "--json", "--stack-depth", str(depth), "--events", kind, path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def main(path):
    kind = "jdk.CPUTimeSample"
    samples = [e for e in load(path, kind, 300) if thread_name(e).startswith("http-nio")]
    if not samples:
        kind = "jdk.ExecutionSample"
        samples = [e for e in load(path, kind, 300) if thread_name(e).startswith("http-nio")]
    total = len(samples)
    print(f"{total} {kind} samples on request threads\n\ninclusive (nested steps overlap):")
    for label, marker in STEPS:
        hits = sum(1 for e in samples if any(marker in f for f in frames(e)))
        print(f"{100.0 * hits / max(total, 1):5.1f}%  {label}")
    owners = collections.Counter(owner(list(frames(e))) for e in samples)
    print("\nexclusive, by innermost step:")
    for label, count in owners.most_common():
        print(f"{100.0 * count / max(total, 1):5.1f}%  {label}")
    leaf = collections.Counter(next(frames(e), "?") for e in samples)
    print("\ntop leaf methods:")
    for name, count in leaf.most_common(15):
        print(f"{100.0 * count / max(total, 1):5.1f}%  {name}")
    allocations = collections.Counter()
    for event in load(path, "jdk.ObjectAllocationSample", 80):
        if thread_name(event).startswith("http-nio"):
            allocations[owner(list(frames(event)))] += event["values"]["weight"]
    weight = sum(allocations.values())
    print("\nallocation on request threads by innermost step (sampled weight):")
    for label, w in allocations.most_common():
        print(f"{100.0 * w / max(weight, 1):5.1f}%  {label}")


if __name__ == "__main__":
    main(sys.argv[1])
