package uk.nhs.safety.campaign.model.internal.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.access.ApiToken;
import uk.nhs.safety.campaign.api.access.ApiTokenService;
import uk.nhs.safety.campaign.api.access.IssuedToken;
import uk.nhs.safety.campaign.model.internal.audit.AuditLog;
import uk.nhs.safety.campaign.model.internal.db.Database;
import uk.nhs.safety.campaign.model.internal.db.Sql;
import uk.nhs.safety.campaign.model.internal.validation.Checks;

/**
 * Partner API tokens, stored in {@code api_token}. A secret is 32 random bytes, base64url without padding, prefixed
 * {@code sts_} (so a leaked one is recognisable in logs and scanners); only its SHA-256 is stored. Checking a secret
 * hashes it and looks the hash up, so the secret is never compared character by character: what the lookup's timing
 * can reveal is about the hash, which tells an attacker nothing about a valid secret.
 */
@Component(service = ApiTokenService.class)
public class ApiTokenServiceImpl implements ApiTokenService {

    /** The prefix of every secret. */
    public static final String SECRET_PREFIX = "sts_";
    static final int SECRET_BYTES = 32;
    static final int LABEL_MAX = 100;
    static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    /** Far longer than any secret this service issues; longer input is refused before it is even hashed. */
    static final int PRESENTED_MAX = 256;

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokenServiceImpl.class);
    private static final String COLUMNS = "id, partner_id, label, created_at, created_by, revoked_at, last_used";

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public ApiTokenServiceImpl(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    public ApiTokenServiceImpl(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public IssuedToken create(String actor, String partnerId, String label) {
        Checks checks = new Checks().actor(actor);
        String partner = partnerId == null ? null : partnerId.strip();
        if (partner == null || partner.isEmpty()) {
            checks.add("partnerId", partnerId, "is required");
        } else {
            checks.check(PARTNER_ID.matcher(partner).matches(), "partnerId", partnerId,
                    "must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter or digit");
        }
        String text = checks.optionalText("label", label, LABEL_MAX);
        checks.throwIfAny();

        String secret = newSecret();
        Instant now = clock.instant();
        ApiToken token = db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_token (partner_id, label, secret_hash,"
                    + " created_at, created_by, revoked_at, last_used) VALUES (?, ?, ?, ?, ?, NULL, NULL)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, partner);
                ps.setString(2, text);
                ps.setString(3, hash(secret));
                Sql.setInstant(ps, 4, now);
                ps.setString(5, actor.strip());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong("id");
                }
            }
            AuditLog.write(c, now, actor.strip(), null, "token.created", "token " + id,
                    "API token for partner " + partner + (text == null ? "" : " (" + text + ")"));
            return require(c, id);
        });
        LOG.info("API token {} created for partner {} by {}", token.id(), partner, token.createdBy());
        return new IssuedToken(token, secret);
    }

    @Override
    public ApiToken revoke(String actor, long tokenId) {
        new Checks().actor(actor).throwIfAny();
        Instant now = clock.instant();
        Revoked result = db.inTransaction(c -> {
            ApiToken current = require(c, tokenId);
            if (current.revoked()) {
                return new Revoked(current, false);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                Sql.setInstant(ps, 1, now);
                ps.setLong(2, tokenId);
                ps.executeUpdate();
            }
            AuditLog.write(c, now, actor.strip(), null, "token.revoked", "token " + tokenId,
                    "API token for partner " + current.partnerId()
                            + (current.label() == null ? "" : " (" + current.label() + ")") + " revoked");
            return new Revoked(require(c, tokenId), true);
        });
        if (result.now()) {
            LOG.info("API token {} of partner {} revoked by {}", tokenId, result.token().partnerId(), actor.strip());
        }
        return result.token();
    }

    private record Revoked(ApiToken token, boolean now) {
    }

    @Override
    public List<ApiToken> tokens() {
        return db.read(c -> {
            List<ApiToken> tokens = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token ORDER BY id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tokens.add(map(rs));
                }
            }
            return List.copyOf(tokens);
        });
    }

    @Override
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > PRESENTED_MAX) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            Long id = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM api_token WHERE secret_hash = ? AND revoked_at IS NULL")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
            }
            if (id == null) {
                return Optional.empty();
            }
            // The revoked_at condition again: a revoke committed between the two statements wins.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_token SET last_used = ? WHERE id = ? AND revoked_at IS NULL")) {
                Sql.setInstant(ps, 1, now);
                ps.setLong(2, id);
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(require(c, id));
        });
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a secret: SHA-256 of its UTF-8 bytes, lower-case hex. */
    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static ApiToken require(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("no API token " + id);
                }
                return map(rs);
            }
        }
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("partner_id"), rs.getString("label"),
                Sql.instant(rs, "created_at"), rs.getString("created_by"), Sql.instant(rs, "revoked_at"),
                Sql.instant(rs, "last_used"));
    }
}
