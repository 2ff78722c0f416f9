package org.guichet.request.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.Employer;
import org.guichet.platform.Secrets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Signs the PDFs Guichet issues (a CMS signature embedded in the PDF, which readers show and check): with the
 * administration's certificate when operators configure one ({@code guichet.employer.signing-keystore}, a PKCS#12
 * file, and its password), else with a certificate Guichet makes for itself once, kept in the database so that every
 * node signs with the same. A self-made certificate proves the document was not altered, not who issued it: the
 * verification address printed on each certificate does that.
 */
@Component
class DocumentSigner {

    private static final String GENERATED = "certificates";

    private final SigningKeyRepository keys;
    private final Secrets secrets;
    private final Employer employer;
    private final Clock clock;
    private volatile @Nullable Key key;

    DocumentSigner(SigningKeyRepository keys, Secrets secrets, Employer employer, Clock clock) {
        this.keys = keys;
        this.secrets = secrets;
        this.employer = employer;
        this.clock = clock;
    }

    private record Key(PrivateKey privateKey, List<X509Certificate> chain) {}

    /** The PDF, signed now in the employer's name, for {@code reason}. */
    public byte[] sign(byte[] pdf, String reason) {
        var signing = key();
        try (var document = Loader.loadPDF(pdf)) {
            var signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(employer.name());
            signature.setLocation(employer.city());
            signature.setReason(reason);
            signature.setSignDate(GregorianCalendar.from(clock.instant().atZone(DisplayZone.ZONE)));
            document.addSignature(signature, content -> cms(content, signing));
            var out = new ByteArrayOutputStream(pdf.length + 16 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate documents are signed with. */
    public X509Certificate certificate() {
        return key().chain().getFirst();
    }

    private static byte[] cms(InputStream content, Key signing) throws IOException {
        try {
            var generator = new CMSSignedDataGenerator();
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(signing.privateKey());
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(signer, signing.chain().getFirst()));
            generator.addCertificates(new JcaCertStore(signing.chain()));
            return generator
                    .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
                    .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | GeneralSecurityException e) {
            throw new IOException("Cannot sign the document", e);
        }
    }

    private Key key() {
        var current = key;
        if (current == null) {
            synchronized (this) {
                current = key;
                if (current == null) {
                    current = load();
                    key = current;
                }
            }
        }
        return current;
    }

    private Key load() {
        try {
            if (employer.signingKeystore() != null
                    && !employer.signingKeystore().isBlank()) {
                var password = employer.signingPassword() == null
                        ? new char[0]
                        : employer.signingPassword().toCharArray();
                return fromPkcs12(Files.readAllBytes(Path.of(employer.signingKeystore())), password);
            }
            var password = Base64.getEncoder()
                    .encodeToString(secrets.key("document-signing"))
                    .toCharArray();
            var stored = keys.once(
                    GENERATED,
                    () -> {
                        try {
                            return Base64.getEncoder().encodeToString(generate(password));
                        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
                            throw new IllegalStateException("The document signing key cannot be made", e);
                        }
                    },
                    clock.instant());
            return fromPkcs12(Base64.getDecoder().decode(stored), password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The document signing key cannot be loaded", e);
        }
    }

    private static Key fromPkcs12(byte[] pkcs12, char[] password) throws GeneralSecurityException, IOException {
        var store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(pkcs12), password);
        for (var alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                var chain = java.util.Arrays.stream(store.getCertificateChain(alias))
                        .map(X509Certificate.class::cast)
                        .toList();
                return new Key((PrivateKey) store.getKey(alias, password), chain);
            }
        }
        throw new GeneralSecurityException("No key in the keystore");
    }

    /** A key pair and a ten-year self-signed certificate in the employer's name, as PKCS#12. */
    private byte[] generate(char[] password) throws GeneralSecurityException, OperatorCreationException, IOException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072, new SecureRandom());
        var pair = generator.generateKeyPair();
        var name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, employer.name() + " – documents délivrés par Guichet")
                .addRDN(BCStyle.O, employer.name())
                .addRDN(BCStyle.C, "FR")
                .build();
        var now = clock.instant();
        var builder = new JcaX509v3CertificateBuilder(
                name,
                new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))),
                name,
                pair.getPublic());
        builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        var certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("guichet", pair.getPrivate(), password, new java.security.cert.Certificate[] {certificate});
        var out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }
}
