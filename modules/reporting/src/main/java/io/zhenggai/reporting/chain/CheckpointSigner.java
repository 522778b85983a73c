package io.zhenggai.reporting.chain;

import io.zhenggai.platform.digest.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs checkpoints with Ed25519. The key pair is one PEM file holding a {@code PRIVATE KEY} (PKCS#8) and a
 * {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) block: the file named by {@code zhenggai.audit.signing-key}, or
 * by default {@code <data dir>/audit/checkpoint-signing-key.pem}, generated on first start (readable by the owner
 * only). An operator can bring their own:
 * <pre>
 * openssl genpkey -algorithm ed25519 -out key.pem &amp;&amp; openssl pkey -in key.pem -pubout &gt;&gt; key.pem
 * </pre>
 * Several nodes must share the same file. Keep a copy of the public key (or the key id) outside the system: an
 * auditor trusts a checkpoint because its signature verifies with a key they obtained independently.
 */
@Component
public class CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private final KeyPair keys;
    private final String keyId;

    CheckpointSigner(@Value("${zhenggai.audit.signing-key:}") String configured,
                     @Value("${zhenggai.data-dir:./data}") String dataDir) {
        Path file = StringUtils.hasText(configured)
                ? Path.of(configured)
                : Path.of(dataDir).toAbsolutePath().normalize().resolve("audit").resolve("checkpoint-signing-key.pem");
        this.keys = Files.exists(file) ? load(file) : generate(file, StringUtils.hasText(configured));
        this.keyId = Sha256.hex(keys.getPublic().getEncoded()).substring(0, 16);
    }

    public String algorithm() {
        return "Ed25519";
    }

    /** The first 16 hex characters of the SHA-256 of the public key's DER encoding. */
    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    /** The signature of the UTF-8 bytes of {@code text}, base64. */
    public String sign(String text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the checkpoint", e);
        }
    }

    private static KeyPair load(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            byte[] privateDer = null;
            byte[] publicDer = null;
            Matcher m = PEM.matcher(text);
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2).trim());
                if (m.group(1).equals("PRIVATE KEY")) {
                    privateDer = der;
                } else if (m.group(1).equals("PUBLIC KEY")) {
                    publicDer = der;
                }
            }
            if (privateDer == null || publicDer == null) {
                throw new IllegalStateException("Audit signing key " + file + " must hold a PRIVATE KEY and a PUBLIC KEY block "
                        + "(add the public key with: openssl pkey -in " + file + " -pubout >> " + file + ")");
            }
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = kf.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            PublicKey publicKey = kf.generatePublic(new X509EncodedKeySpec(publicDer));
            KeyPair pair = new KeyPair(publicKey, privateKey);
            requireMatching(pair, file);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit signing key " + file + " is not an Ed25519 key pair: " + e.getMessage(), e);
        }
    }

    private static KeyPair generate(Path file, boolean configured) {
        if (configured) {
            throw new IllegalStateException("zhenggai.audit.signing-key names " + file + ", which does not exist");
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            try {
                Files.move(tmp, file);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
                return load(file); // another process generated it first
            }
            log.info("Generated the Ed25519 key that signs audit checkpoints: {}", file);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireMatching(KeyPair pair, Path file) throws GeneralSecurityException {
        byte[] probe = "zhenggai-key-check".getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(pair.getPrivate());
        s.update(probe);
        byte[] signature = s.sign();
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(pair.getPublic());
        v.update(probe);
        if (!v.verify(signature)) {
            throw new IllegalStateException("the PUBLIC KEY in " + file + " does not belong to its PRIVATE KEY");
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

}
