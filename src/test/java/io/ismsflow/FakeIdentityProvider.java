package io.ismsflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A small OpenID Connect provider on loopback for tests, strict where the portal could go wrong:
 * the authorization code flow for one public client with PKCE (S256 only; the verifier is checked),
 * exact redirect URIs under one allowed origin, single-use codes, refresh tokens, RS256-signed
 * access tokens with issuer, audience, user name and groups (as Keycloak's realm for ISMS Flow
 * issues them), a discovery document, a key set, an end-session endpoint, and CORS only for the
 * allowed origin on the token endpoint (Keycloak's "web origins"). Its sign-in page asks for a user
 * name from a fixed list, no password.
 */
public final class FakeIdentityProvider implements AutoCloseable {

  /** A person the provider knows. */
  public record Person(String username, String name, List<String> groups) {}

  private record Grant(String clientId, String redirectUri, String challenge, Person person) {}

  private final HttpServer server;
  private final RSAKey key;
  private final String clientId;
  private final String audience;
  private final Duration accessTokenLifetime;
  private final Map<String, Person> people;
  private volatile String allowedOrigin;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Person> refreshTokens = new ConcurrentHashMap<>();
  private final AtomicInteger signIns = new AtomicInteger();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicInteger signOuts = new AtomicInteger();
  private final ObjectMapper json = new ObjectMapper();

  public FakeIdentityProvider(String clientId, String audience, Duration accessTokenLifetime, List<Person> people) {
    this.clientId = clientId;
    this.audience = audience;
    this.accessTokenLifetime = accessTokenLifetime;
    this.people = people.stream().collect(Collectors.toMap(Person::username, p -> p));
    try {
      key = new RSAKeyGenerator(2048).keyID("fake-" + UUID.randomUUID()).generate();
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (JOSEException | IOException e) {
      throw new IllegalStateException("the fake identity provider could not start", e);
    }
    server.createContext("/.well-known/openid-configuration", this::discovery);
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.createContext("/jwks", this::jwks);
    server.createContext("/logout", this::logout);
    server.createContext("/test/end-sessions", this::endSessions);
    server.start();
  }

  /** Where the portal is served; redirects must go there and only it may fetch tokens. */
  public FakeIdentityProvider allowOrigin(String origin) {
    this.allowedOrigin = origin;
    return this;
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int signIns() {
    return signIns.get();
  }

  public int refreshes() {
    return refreshes.get();
  }

  public int signOuts() {
    return signOuts.get();
  }

  /** An access token for a person as the provider would issue it, for calls made without a browser. */
  public String accessTokenFor(String username, String forAudience) {
    return sign(people.get(username), forAudience, accessTokenLifetime);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void discovery(HttpExchange exchange) throws IOException {
    var document = new LinkedHashMap<String, Object>();
    document.put("issuer", issuer());
    document.put("authorization_endpoint", issuer() + "/authorize");
    document.put("token_endpoint", issuer() + "/token");
    document.put("jwks_uri", issuer() + "/jwks");
    document.put("end_session_endpoint", issuer() + "/logout");
    document.put("response_types_supported", List.of("code"));
    document.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
    document.put("subject_types_supported", List.of("public"));
    document.put("id_token_signing_alg_values_supported", List.of("RS256"));
    document.put("code_challenge_methods_supported", List.of("S256"));
    exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
    respondJson(exchange, 200, document);
  }

  private void jwks(HttpExchange exchange) throws IOException {
    respondJson(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
  }

  private void authorize(HttpExchange exchange) throws IOException {
    var query = "GET".equals(exchange.getRequestMethod()) ? params(exchange.getRequestURI().getRawQuery()) : params(body(exchange));
    var redirectUri = query.getOrDefault("redirect_uri", "");
    if (!clientId.equals(query.get("client_id")) || allowedOrigin == null || !redirectUri.startsWith(allowedOrigin + "/")) {
      respondHtml(exchange, 400, "<h1>Unknown client or redirect URI</h1>");
      return;
    }
    if (!"code".equals(query.get("response_type"))
        || !"S256".equals(query.get("code_challenge_method"))
        || query.getOrDefault("code_challenge", "").length() < 43
        || !query.getOrDefault("scope", "").contains("openid")) {
      redirect(exchange, redirectUri + "?error=invalid_request&state=" + encode(query.getOrDefault("state", "")));
      return;
    }
    if ("GET".equals(exchange.getRequestMethod())) {
      var hidden =
          query.entrySet().stream()
              .map(e -> "<input type=\"hidden\" name=\"" + e.getKey() + "\" value=\"" + escape(e.getValue()) + "\">")
              .collect(Collectors.joining());
      respondHtml(
          exchange,
          200,
          "<h1>Fake identity provider</h1><form method=\"post\" action=\"/authorize\">"
              + hidden
              + "<label for=\"username\">Username</label><input id=\"username\" name=\"username\">"
              + "<button type=\"submit\">Sign in</button></form>");
      return;
    }
    var person = people.get(query.get("username"));
    if (person == null) {
      respondHtml(exchange, 200, "<h1>Fake identity provider</h1><p id=\"error\">Unknown user</p>");
      return;
    }
    var code = UUID.randomUUID().toString();
    codes.put(code, new Grant(clientId, redirectUri, query.get("code_challenge"), person));
    signIns.incrementAndGet();
    redirect(exchange, redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code + "&state=" + encode(query.getOrDefault("state", "")));
  }

  private void token(HttpExchange exchange) throws IOException {
    var origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null && origin.equals(allowedOrigin)) {
      exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
    }
    if ("OPTIONS".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
      exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      return;
    }
    var form = params(body(exchange));
    if (!clientId.equals(form.get("client_id"))) {
      respondJson(exchange, 401, Map.of("error", "invalid_client"));
      return;
    }
    Person person;
    switch (form.getOrDefault("grant_type", "")) {
      case "authorization_code" -> {
        var grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null
            || !grant.redirectUri().equals(form.get("redirect_uri"))
            || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
          respondJson(exchange, 400, Map.of("error", "invalid_grant"));
          return;
        }
        person = grant.person();
      }
      case "refresh_token" -> {
        person = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
        if (person == null) {
          respondJson(exchange, 400, Map.of("error", "invalid_grant"));
          return;
        }
        refreshes.incrementAndGet();
      }
      default -> {
        respondJson(exchange, 400, Map.of("error", "unsupported_grant_type"));
        return;
      }
    }
    var refreshToken = UUID.randomUUID().toString();
    refreshTokens.put(refreshToken, person);
    respondJson(
        exchange,
        200,
        Map.of(
            "access_token", sign(person, audience, accessTokenLifetime),
            "id_token", sign(person, clientId, accessTokenLifetime),
            "refresh_token", refreshToken,
            "token_type", "Bearer",
            "expires_in", accessTokenLifetime.toSeconds()));
  }

  /** For tests: ends every session, as an administrator would; refresh tokens stop working. */
  private void endSessions(HttpExchange exchange) throws IOException {
    refreshTokens.clear();
    respondJson(exchange, 200, Map.of("ended", true));
  }

  private void logout(HttpExchange exchange) throws IOException {
    var query = params(exchange.getRequestURI().getRawQuery());
    var target = query.getOrDefault("post_logout_redirect_uri", "");
    if (!clientId.equals(query.get("client_id")) || allowedOrigin == null || !target.startsWith(allowedOrigin + "/")) {
      respondHtml(exchange, 400, "<h1>Unknown client or redirect URI</h1>");
      return;
    }
    signOuts.incrementAndGet();
    redirect(exchange, target);
  }

  private String sign(Person person, String forAudience, Duration lifetime) {
    var now = Instant.now();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer())
            .subject(UUID.nameUUIDFromBytes(person.username().getBytes(StandardCharsets.UTF_8)).toString())
            .audience(forAudience)
            .claim("azp", clientId)
            .claim("preferred_username", person.username())
            .claim("name", person.name())
            .claim("groups", person.groups())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static String s256(String verifier) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> params(String raw) {
    var result = new LinkedHashMap<String, String>();
    if (raw == null || raw.isEmpty()) {
      return result;
    }
    for (var pair : raw.split("&")) {
      var at = pair.indexOf('=');
      var name = URLDecoder.decode(at < 0 ? pair : pair.substring(0, at), StandardCharsets.UTF_8);
      result.put(name, at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
    }
    return result;
  }

  private static String body(HttpExchange exchange) throws IOException {
    try (var in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    URI.create(location); // refuses a malformed target
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void respondJson(HttpExchange exchange, int status, Object value) throws IOException {
    var bytes = json.writeValueAsBytes(value);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void respondHtml(HttpExchange exchange, int status, String body) throws IOException {
    var bytes = ("<!doctype html><html lang=\"en\"><head><title>Fake identity provider</title></head><body>" + body + "</body></html>")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
