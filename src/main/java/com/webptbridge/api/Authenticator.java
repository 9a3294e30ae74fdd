package com.webptbridge.api;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import com.webptbridge.store.security.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling: HTTP Basic (accounts' passwords, stored as bcrypt hashes) or a bearer token
 * (stored as its SHA-256; tokens are 32 random bytes, so a fast hash is enough). Failed logins are
 * logged (never the password) and throttled per account and source address ({@link LoginThrottle}).
 * A name without an account costs the same hash work and gets the same answers as a real one.
 * The console's login ({@link ConsoleSessions}) checks its password here too, by the same throttle.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    private static final int COST = 10;
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    private static final Duration VERIFIED_FOR = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A hash no password matches (of random bytes), checked for names that have no account. */
    private static final String UNKNOWN_HASH = hash(random(18));

    /** A logged-in account; {@code interfaces} null means every interface. */
    record Principal(String name, Role role, Set<String> interfaces) {
        boolean mayUse(String interfaceId) {
            return interfaces == null || interfaceId == null || interfaces.contains(interfaceId);
        }
    }

    /**
     * A login that failed, with how long to wait before answering; {@code sessionEnded} when it was
     * a console session that is no more (the console says so on its login form).
     */
    record Refusal(String reason, long delayMs, boolean sessionEnded) {
        Refusal(String reason, long delayMs) {
            this(reason, delayMs, false);
        }
    }

    private record Verified(String passwordHash, long until) {}

    private final Accounts accounts;
    private final LoginThrottle throttle = new LoginThrottle();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public Authenticator(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The account an {@code Authorization} header names: a principal, a refusal, or empty when the
     * header is missing (the caller answers 401 asking for credentials).
     */
    Object authenticate(String authorization, String from) throws SQLException {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String[] scheme = authorization.trim().split("\\s+", 2);
        if (scheme.length != 2) {
            return new Refusal(
                    "The Authorization header must be 'Basic <base64 user:password>' or 'Bearer <token>'.", 0);
        }
        if (scheme[0].equalsIgnoreCase("Bearer")) {
            Optional<Accounts.Account> a = accounts.byToken(sha256(scheme[1].trim()));
            if (a.isEmpty()) {
                LOG.warn("Refused an unknown or revoked API token from {}", from);
                return new Refusal("The API token is not valid (unknown or revoked).", 0);
            }
            return principal(a.get());
        }
        if (!scheme[0].equalsIgnoreCase("Basic")) {
            return new Refusal("Use HTTP Basic (people) or a Bearer token (scripts).", 0);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(scheme[1].trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Refusal("The Basic credentials are not valid base64.", 0);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new Refusal("The Basic credentials must be user:password.", 0);
        }
        return logIn(decoded.substring(0, colon), decoded.substring(colon + 1), from);
    }

    /** A name and password checked, throttled (the one path of Basic and the console's login): a principal or a refusal. */
    Object logIn(String name, String password, String from) throws SQLException {
        long now = System.currentTimeMillis();
        Object admitted = throttle.admit(name, host(from), now);
        if (admitted instanceof LoginThrottle.Wait wait) {
            LOG.warn("Refused a login from {} unchecked: too many failed logins from there", from);
            return new Refusal(
                    "Too many failed logins for this account; try again in " + (wait.ms() / 1000 + 1) + " s.",
                    wait.ms());
        }
        LoginThrottle.Ticket ticket = (LoginThrottle.Ticket) admitted;
        Optional<Accounts.Account> account;
        boolean ok;
        try {
            account = accounts.find(name);
            // An unknown name costs the same bcrypt work as a real one: the answer's time tells nothing.
            ok = matches(
                            name,
                            password,
                            account.map(Accounts.Account::passwordHash).orElse(UNKNOWN_HASH),
                            now)
                    && account.isPresent();
        } catch (RuntimeException | SQLException e) {
            throttle.failed(ticket, now);
            throw e;
        }
        if (ok) {
            throttle.succeeded(ticket);
            return principal(account.get());
        }
        long delay = throttle.failed(ticket, System.currentTimeMillis());
        if (account.isPresent()) {
            LOG.warn(
                    "Failed login for account '{}' from {}{}",
                    name,
                    from,
                    delay > 0 ? "; the next attempt from there is taken in " + (delay / 1000 + 1) + " s" : "");
        } else {
            LOG.warn("Failed login for an unknown account from {}", from);
        }
        return new Refusal("Wrong user name or password.", delay);
    }

    /** The address of {@code host:port} (the key the throttle counts by: every connection has its own port). */
    private static String host(String from) {
        int colon = from.lastIndexOf(':');
        return colon > 0 ? from.substring(0, colon) : from;
    }

    /** Checks a password against its bcrypt hash; a recent success is remembered (by digest) to spare the CPU. */
    private boolean matches(String name, String password, String hash, long now) {
        String key = sha256(name + '\0' + password);
        Verified v = verified.get(key);
        if (v != null && v.until() > now && v.passwordHash().equals(hash)) {
            return true;
        }
        boolean ok = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION))
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
        if (ok) {
            verified.put(key, new Verified(hash, now + VERIFIED_FOR.toMillis()));
        }
        return ok;
    }

    static Principal principal(Accounts.Account a) {
        return new Principal(a.name(), Role.parse(a.role()), interfaces(a.interfaces()));
    }

    static Set<String> interfaces(String csv) {
        if (csv == null || csv.isBlank()) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(out::add);
        return out.isEmpty() ? null : Set.copyOf(out);
    }

    /** A slow salted hash of a password. */
    public static String hash(String password) {
        return new String(
                BCrypt.with(LongPasswordStrategies.hashSha512(VERSION))
                        .hash(COST, password.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    /** A new random password: 24 characters, URL-safe. */
    public static String newPassword() {
        return random(18);
    }

    /** A new random API token: 32 random bytes. */
    static String newToken() {
        return "wbt_" + random(32);
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one password rule, for new accounts, resets and the configured admin password. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** Why a chosen password is refused, or null when it may be used. */
    public static String weakPassword(String password) {
        return password.length() < MIN_PASSWORD_LENGTH
                ? "A password needs at least " + MIN_PASSWORD_LENGTH + " characters."
                : null;
    }

    /**
     * Refuses to start with a configured admin password the API would refuse: otherwise
     * BRIDGE_ADMIN_PASSWORD=a would be the one way around the rule.
     */
    public static void refuseWeakConfigured(String configuredPassword) {
        if (configuredPassword != null && !configuredPassword.isEmpty() && weakPassword(configuredPassword) != null) {
            throw new IllegalStateException("bridge.admin.password (BRIDGE_ADMIN_PASSWORD) is too short: "
                    + weakPassword(configuredPassword)
                    + " Set a longer one, or leave it unset and the first start writes a generated one to a file.");
        }
    }

    /**
     * The first start's admin account. With a configured password (BRIDGE_ADMIN_PASSWORD or
     * bridge.admin.password), {@code admin} gets it, on every start (the way to reset it). Without
     * one, an engine with no {@code admin} account creates it with a random password written once to
     * {@code passwordFile}, readable only by this user; the log names the file, never the password.
     */
    public void ensureAdmin(String configuredPassword, Path passwordFile) throws SQLException, IOException {
        refuseWeakConfigured(configuredPassword);
        boolean exists = accounts.find("admin").isPresent();
        if (configuredPassword != null && !configuredPassword.isEmpty()) {
            if (exists) {
                // Unchanged at a restart: setting it anew would end admin's console sessions on every start.
                if (!matches(
                        "admin",
                        configuredPassword,
                        accounts.find("admin").get().passwordHash(),
                        0)) {
                    accounts.setPassword("admin", hash(configuredPassword));
                }
            } else {
                accounts.add("admin", Role.ADMIN.code(), null, hash(configuredPassword));
                LOG.info("Created account admin with the configured password (bridge.admin.password)");
            }
            return;
        }
        if (exists) {
            return;
        }
        String password = newPassword();
        Path file = passwordFile.toAbsolutePath().normalize();
        writeOwnerOnly(
                file,
                "admin password of the WebPT Bridge API (change it with: bridge user password admin)\n" + password
                        + "\n");
        accounts.add("admin", Role.ADMIN.code(), null, hash(password));
        LOG.info(
                "Created account admin with a generated password, written to {} (readable only by this user)."
                        + " Log in as admin with it; then change it (bridge user password admin) and delete the file.",
                file);
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
                file.toFile().setWritable(false, false);
                file.toFile().setWritable(true, true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Cannot create " + file + ": it appeared while being written", e);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write(text);
        }
    }
}
