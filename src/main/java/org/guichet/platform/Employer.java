package org.guichet.platform;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The administration as its documents name it (payslips, certificates), bound to {@code guichet.employer}.
 *
 * @param name e.g. "Ville d'Exemple"
 * @param address one line
 * @param siret the establishment's SIRET number
 * @param city where certificates are made ("Fait à …")
 * @param signatory who signs certificates, by title ("Le directeur des ressources humaines")
 * @param signingKeystore a PKCS#12 file with the administration's signing certificate; none to let Guichet make one
 * @param signingPassword its password
 */
@ConfigurationProperties("guichet.employer")
@Validated
public record Employer(
        @NotBlank String name,
        @NotBlank String address,
        @NotBlank String siret,
        @NotBlank String city,
        @NotBlank String signatory,
        @Nullable String signingKeystore,
        @Nullable String signingPassword) {}
