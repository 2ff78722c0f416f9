package org.guichet.messaging.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.messaging.MessagingSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: an embedded mail server (GreenMail, IMAP and SMTP on the configured loopback ports) with a
 * mailbox for each demo account, a few dozen messages in French (payslips announced, meetings, a note with an
 * attachment, an HTML newsletter with a remote image), so that the webmail works from {@code ./mvnw spring-boot:run}.
 * It accepts any token: the real mail server (Dovecot's {@code passdb oauth2}) is the one that checks them.
 */
@Component
@Profile("demo")
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "guichet.messaging.demo-server", havingValue = "true", matchIfMissing = true)
@Order(450)
class DemoMailServer implements ApplicationRunner, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);
    private static final Locale FRENCH = Locale.FRANCE;

    private final MessagingSettings settings;
    private final DirectoryManagement directory;
    private final Clock clock;
    private volatile @Nullable GreenMail server;
    private @Nullable Thread filling;

    DemoMailServer(MessagingSettings settings, DirectoryManagement directory, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(settings.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
        });
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            mail.start();
        } catch (RuntimeException portTaken) {
            // the demo goes on without mail: the webmail says the mail server does not answer
            LOG.warn(
                    "Demo mail server not started (ports {} and {} of 127.0.0.1 taken? GUICHET_IMAP_PORT and"
                            + " GUICHET_SMTP_PORT choose others): {}",
                    settings.imapPort(),
                    settings.smtpPort(),
                    portTaken.getMessage());
            return;
        }
        // the mailboxes are filled beside the start (a second of a cold JVM building 300 messages): the node is ready
        // without waiting for the demo's mail, which arrives within moments as it would in a real mailbox
        server = mail;
        filling = Thread.ofVirtual().name("demo-mail-fill").start(() -> fillAll(mail));
    }

    private void fillAll(GreenMail started) {
        var session = Session.getInstance(new Properties());
        var agents = 0;
        try {
            for (int soi = 1_000_001; soi <= 1_000_010 && server == started; soi++) {
                var agent = directory.findById(AgentId.of(String.valueOf(soi)));
                if (agent.isPresent()) {
                    fill(started, session, agent.get());
                    agents++;
                }
            }
        } catch (MessagingException | RuntimeException stopped) {
            LOG.warn("Demo mailboxes not filled: {}", stopped.getMessage());
            return;
        }
        LOG.info(
                "Demo mail server: IMAP on 127.0.0.1:{}, SMTP on 127.0.0.1:{}, {} mailboxes (it accepts any token)",
                settings.imapPort(),
                settings.smtpPort(),
                agents);
    }

    /**
     * The agent's mailbox (30 messages): a year of payslip announcements, the life of the services, meetings, minutes in
     * PDF, a note with an attachment, a newsletter.
     */
    private void fill(GreenMail mail, Session session, AgentProfile agent) throws MessagingException {
        var address = agent.email();
        var user = mail.setUser(address, address, "demo");
        var now = clock.instant();
        var month = YearMonth.now(clock);
        for (int i = 12; i >= 1; i--) {
            var period = month.minusMonths(i);
            var name = period.getMonth().getDisplayName(TextStyle.FULL, FRENCH) + " " + period.getYear();
            user.deliver(text(
                    session,
                    "Service des ressources humaines <rh@ville.example>",
                    address,
                    "Votre bulletin de paie de " + name + " est disponible",
                    "Bonjour,\n\nVotre bulletin de paie de " + name + " est disponible dans Guichet, rubrique "
                            + "Bulletins de paie.\n\nLe service des ressources humaines",
                    Date.from(period.plusMonths(1)
                            .atDay(1)
                            .atStartOfDay(clock.getZone())
                            .toInstant()),
                    true));
        }
        String[][] older = {
            {
                "Accueil de l’hôtel de ville <accueil@ville.example>",
                "Un colis pour votre service",
                "Un colis à votre nom vous attend à l’accueil, à retirer avant vendredi."
            },
            {
                "Restauration collective <restauration@ville.example>",
                "Fermeture du restaurant administratif",
                "Le restaurant administratif sera fermé le 23 décembre pour inventaire."
            },
            {
                "Service des ressources humaines <rh@ville.example>",
                "Rappel : entretien professionnel annuel",
                "Votre entretien professionnel annuel est à prendre avec votre responsable avant le 31 janvier."
            },
            {
                "Service des ressources humaines <rh@ville.example>",
                "Nouvelle procédure de demande de congés",
                "Les demandes de congés se font désormais dans Guichet, rubrique Congés et absences."
            },
            {
                "Marie Dupont <marie.dupont@ville.example>",
                "Pot de départ de Jean",
                "Jean part à la retraite : un pot est organisé vendredi à 16 h en salle du conseil."
            },
            {
                "Sécurité des bâtiments <securite@ville.example>",
                "Exercice d’évacuation mardi",
                "Un exercice d’évacuation aura lieu mardi matin : suivez les consignes des guides-files."
            },
            {
                "Comité des œuvres sociales <cos@ville.example>",
                "Collecte de sang à l’hôtel de ville",
                "L’Établissement français du sang sera présent jeudi de 10 h à 16 h, salle des fêtes."
            },
            {
                "Direction des systèmes d’information <dsi@ville.example>",
                "Changement de votre mot de passe",
                "Pensez à choisir une phrase de passe longue ; Guichet vous indique sa solidité."
            },
            {
                "Direction générale des services <dgs@ville.example>",
                "Horaires d’ouverture pendant les fêtes",
                "Les services seront ouverts de 9 h à 16 h du 24 décembre au 2 janvier."
            },
            {
                "Théo Moreau <theo.moreau@ville.example>",
                "Échange de permanence",
                "Pourrais-tu prendre ma permanence du samedi 12 ? Je prendrai la tienne du 19."
            }
        };
        for (int i = 0; i < older.length; i++) {
            user.deliver(text(
                    session,
                    older[i][0],
                    address,
                    older[i][1],
                    "Bonjour,\n\n" + older[i][2] + "\n\nCordialement.",
                    Date.from(now.minus(Duration.ofDays(30L - i))),
                    true));
        }
        user.deliver(withPdf(session, address, Date.from(now.minus(Duration.ofDays(12)))));
        String[][] meetings = {
            {
                "Marie Dupont <marie.dupont@ville.example>",
                "Réunion de service jeudi",
                "La réunion de service aura lieu "
                        + "jeudi à 9 h 30 en salle 2. Ordre du jour : chantiers de l’hiver, astreintes, questions diverses."
            },
            {
                "Marie Dupont <marie.dupont@ville.example>",
                "Planning des astreintes de décembre",
                "Peux-tu confirmer ta " + "semaine d’astreinte avant vendredi ? Le planning est affiché au bureau."
            },
            {
                "Direction des systèmes d’information <dsi@ville.example>",
                "Maintenance de la messagerie samedi",
                "La messagerie sera indisponible samedi de 7 h à 9 h pour une mise à jour."
            },
            {
                "Comité des œuvres sociales <cos@ville.example>",
                "Billetterie de fin d’année",
                "Les billets pour le " + "spectacle de fin d’année sont disponibles à l’accueil de l’hôtel de ville."
            },
            {
                "Service formation <formation@ville.example>",
                "Votre inscription : Premiers secours",
                "Votre inscription à la formation Premiers secours est confirmée pour le 14 janvier."
            }
        };
        for (int i = 0; i < meetings.length; i++) {
            user.deliver(text(
                    session,
                    meetings[i][0],
                    address,
                    meetings[i][1],
                    "Bonjour,\n\n" + meetings[i][2] + "\n\nBonne journée.",
                    Date.from(now.minus(Duration.ofDays(meetings.length - i).plusHours(3))),
                    i < 2));
        }
        user.deliver(withAttachment(session, address, Date.from(now.minus(Duration.ofHours(20)))));
        user.deliver(newsletter(session, address, Date.from(now.minus(Duration.ofHours(2)))));
    }

    private static MimeMessage text(
            Session session, String from, String to, String subject, String body, Date date, boolean seen)
            throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, to);
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        message.setSentDate(date);
        if (!seen) {
            return message;
        }
        message.setFlag(Flags.Flag.SEEN, true);
        return message;
    }

    private static MimeMessage withAttachment(Session session, String to, Date date) throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress("Voirie – secrétariat <voirie@ville.example>"));
        message.setRecipients(MimeMessage.RecipientType.TO, to);
        message.setSubject("Note de service : fermeture de la rue de la Gare", StandardCharsets.UTF_8.name());
        message.setSentDate(date);
        var text = new MimeBodyPart();
        text.setText(
                "Bonjour,\n\nVous trouverez ci-joint la note de service sur la fermeture de la rue de la Gare.\n",
                StandardCharsets.UTF_8.name());
        var note = new MimeBodyPart();
        note.setText(
                "Note de service\n\nLa rue de la Gare est fermée à la circulation du lundi au vendredi.\n",
                StandardCharsets.UTF_8.name());
        note.setFileName("note-de-service.txt");
        note.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(text, note));
        return message;
    }

    /** The minutes of a meeting, as a PDF of one page (the kind of file agents most often receive). */
    private static MimeMessage withPdf(Session session, String to, Date date) throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress("Marie Dupont <marie.dupont@ville.example>"));
        message.setRecipients(MimeMessage.RecipientType.TO, to);
        message.setSubject("Compte rendu de la réunion de service", StandardCharsets.UTF_8.name());
        message.setSentDate(date);
        message.setFlag(Flags.Flag.SEEN, true);
        var text = new MimeBodyPart();
        text.setText(
                "Bonjour,\n\nLe compte rendu de la réunion de service est joint.\n\nMarie",
                StandardCharsets.UTF_8.name());
        var minutes = new MimeBodyPart();
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument();
                var out = new java.io.ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(
                        new org.apache.pdfbox.pdmodel.font.PDType1Font(
                                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
                        12);
                content.newLineAtOffset(72, 720);
                content.showText("Compte rendu de la reunion de service");
                content.endText();
            }
            document.save(out);
            minutes.setContent(out.toByteArray(), "application/pdf");
        } catch (java.io.IOException unwritable) {
            throw new MessagingException("the demo's PDF", unwritable);
        }
        minutes.setFileName("compte-rendu-reunion.pdf");
        minutes.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(text, minutes));
        return message;
    }

    private static MimeMessage newsletter(Session session, String to, Date date) throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress("La lettre interne <lettre@ville.example>"));
        message.setRecipients(MimeMessage.RecipientType.TO, to);
        message.setSubject("La lettre de la semaine", StandardCharsets.UTF_8.name());
        message.setSentDate(date);
        message.setContent("""
                <html><body><h2>Travaux de la semaine</h2>
                <p>La rue de la Gare est fermée jusqu’à vendredi. <a href="https://ville.example/travaux">Le détail
                des travaux</a></p><img src="https://lettre.ville.example/suivi.gif" alt="">
                <h2>Vie des services</h2><p>Bienvenue aux agents arrivés ce mois-ci à la voirie et à la DSI.</p>
                </body></html>""", "text/html; charset=utf-8");
        return message;
    }

    @Override
    public void destroy() throws InterruptedException {
        var running = server;
        server = null;
        if (filling != null) {
            filling.join(Duration.ofSeconds(5));
        }
        if (running != null) {
            running.stop();
        }
    }
}
