package org.guichet.directory.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Generates a realistic city administration for scale work: a tree of departments (general direction, poles,
 * directions, services, teams) whose heads each manage 5 to 15 people, French names with their homonyms, mobile
 * numbers in the range ARCEP reserves for fiction ({@code 06 39 98 xx xx}), a few suspended or departed agents,
 * sensitive profiles in finance, HR and IT. The same size and seed always give the same organisation.
 */
public final class SyntheticOrganisation {

    /** SOIs of generated agents start here, away from the demo organisation's. */
    public static final int FIRST_SOI = 2_000_001;

    private static final int MIN_TEAM = 5;
    private static final int MAX_TEAM = 15;
    /** A head with 5 reports, each heading a team of 5. */
    private static final int SMALLEST_FULL_TREE = 1 + MIN_TEAM + MIN_TEAM * MIN_TEAM;

    private static final List<String> THEMES = List.of(
            "Voirie",
            "Espaces verts",
            "Écoles",
            "Petite enfance",
            "Sports",
            "Culture",
            "Bibliothèques",
            "Finances",
            "Ressources humaines",
            "Systèmes d'information",
            "Urbanisme",
            "Propreté",
            "Police municipale",
            "État civil",
            "Logement",
            "Action sociale",
            "Bâtiments",
            "Mobilités",
            "Environnement",
            "Commande publique");
    private static final List<String> SENSITIVE_THEMES =
            List.of("Finances", "Ressources humaines", "Systèmes d'information");
    private static final List<String> KINDS = List.of("Équipe", "Service", "Direction", "Pôle");
    private static final List<String> KIND_CODES = List.of("E", "S", "D", "P");
    private static final List<String> HEAD_TITLES = List.of(
            "Responsable d'équipe", "Responsable de service", "Responsable de direction", "Responsable de pôle");
    private static final List<String> JOB_TITLES = List.of(
            "Gestionnaire administratif",
            "Agent d'accueil",
            "Agent technique",
            "Technicien",
            "Assistant de gestion",
            "Chargé de mission",
            "Agent d'entretien",
            "Animateur",
            "Agent de surveillance de la voie publique",
            "Auxiliaire de puériculture",
            "Bibliothécaire",
            "Jardinier",
            "Instructeur",
            "Comptable",
            "Gestionnaire paie",
            "Technicien support",
            "Développeur");

    private final long seed;
    private final Random random;
    private final List<String> firstNames = lines("first-names.txt");
    private final List<String> lastNames = lines("last-names.txt");
    private final List<Department> departments = new ArrayList<>();
    private final List<Agent> agents = new ArrayList<>();
    private int nextSoi = FIRST_SOI;
    private int nextTheme;

    private SyntheticOrganisation(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The organisation as CSV files the import reads. */
    public record Generated(String departmentsCsv, String agentsCsv, int departments, int agents) {}

    record Department(String code, String name, @Nullable String parent, String theme) {}

    record Agent(
            String soi,
            String firstName,
            String lastName,
            String department,
            @Nullable String manager,
            String jobTitle,
            @Nullable String mobile,
            String status,
            String roles,
            boolean sensitive) {}

    public static Generated generate(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("An organisation has at least one agent");
        }
        var organisation = new SyntheticOrganisation(seed);
        organisation.build(size);
        return organisation.toCsv();
    }

    /** Sizes the tree bottom-up so that leaves plus heads make exactly {@code size}, then names it top-down. */
    private void build(int size) {
        var levels = size <= MAX_TEAM + 1 ? List.of(List.of(size - 1)) : levels(size);
        var root = new Department("DGS", "Direction générale des services", null, THEMES.getFirst());
        departments.add(root);
        var head = head(root, null, "Direction générale des services");
        children(levels, levels.size() - 1, 0, root, head, "", true);
    }

    /**
     * The group sizes of each level above the leaves: {@code levels.get(0)} splits the leaves into teams, {@code
     * levels.get(k)} splits the heads of level {@code k - 1}; the last level is the single root group. Heads are
     * about a tenth of the leaves: the leaf count nearest that ratio whose teams can grow or shrink (within 5 to 15)
     * to reach the exact size is taken.
     */
    private List<List<Integer>> levels(int size) {
        var target = (int) Math.round(size * 0.9);
        for (int distance = 0; distance < size; distance++) {
            for (var leaves : new int[] {target - distance, target + distance}) {
                if (leaves < 1 || leaves >= size) {
                    continue;
                }
                var levels = levelsAbove(leaves, new Random(seed * 31 + leaves));
                var missing =
                        size - leaves - levels.stream().mapToInt(List::size).sum();
                if (fitTeams(levels, missing, size < SMALLEST_FULL_TREE)) {
                    return levels;
                }
            }
        }
        throw new IllegalStateException("Cannot size an organisation of " + size);
    }

    private static List<List<Integer>> levelsAbove(int leaves, Random random) {
        var levels = new ArrayList<List<Integer>>();
        var count = leaves;
        do {
            var groups = partition(count, random);
            levels.add(groups);
            count = groups.size();
        } while (count > 1);
        return levels;
    }

    /**
     * Grows or shrinks the teams by {@code missing} people in all, keeping each within 5 to 15, if possible.
     *
     * @param smallRoot whether the root may have fewer than 5 reports (organisations too small for anything else)
     */
    private static boolean fitTeams(List<List<Integer>> levels, int missing, boolean smallRoot) {
        var teams = new ArrayList<>(levels.getFirst());
        var room = teams.stream()
                .mapToInt(team -> missing > 0 ? MAX_TEAM - team : team - MIN_TEAM)
                .sum();
        if (room < Math.abs(missing) || !smallRoot && levels.getLast().getFirst() < MIN_TEAM) {
            return false;
        }
        var step = Integer.signum(missing);
        for (int i = 0, left = Math.abs(missing); left > 0; i = (i + 1) % teams.size()) {
            var team = teams.get(i) + step;
            if (team >= MIN_TEAM && team <= MAX_TEAM) {
                teams.set(i, team);
                left--;
            }
        }
        levels.set(0, teams);
        return true;
    }

    /**
     * Splits {@code count} people into groups of 5 to 15 (one group when there are 15 or fewer): about ten to a
     * group, and never two to four groups when five are possible, so that their own head has at least five reports.
     */
    private static List<Integer> partition(int count, Random random) {
        if (count <= MAX_TEAM) {
            return new ArrayList<>(List.of(count));
        }
        var fewest = (count + MAX_TEAM - 1) / MAX_TEAM;
        var most = count / MIN_TEAM;
        var groups = Math.clamp(Math.round(count / (8.0 + random.nextInt(5))), fewest, most);
        if (groups < MIN_TEAM && most >= MIN_TEAM) {
            groups = MIN_TEAM;
        }
        var sizes = new ArrayList<Integer>();
        for (int i = 0; i < groups; i++) {
            sizes.add(count / groups + (i < count % groups ? 1 : 0));
        }
        for (int shuffle = 0; shuffle < groups * 2; shuffle++) {
            var from = random.nextInt(groups);
            var to = random.nextInt(groups);
            if (sizes.get(from) > MIN_TEAM && sizes.get(to) < MAX_TEAM && from != to) {
                sizes.set(from, sizes.get(from) - 1);
                sizes.set(to, sizes.get(to) + 1);
            }
        }
        return sizes;
    }

    /**
     * Creates the reports of {@code head}: group {@code group} of level {@code level}. At level 0 they are team
     * members; above, each report heads a sub-department.
     */
    private void children(
            List<List<Integer>> levels,
            int level,
            int group,
            Department department,
            Agent head,
            String codePrefix,
            boolean underRoot) {
        var size = levels.get(level).get(group);
        if (level == 0) {
            for (int i = 0; i < size; i++) {
                agents.add(leaf(department, head.soi()));
            }
            return;
        }
        var firstChild = levels.get(level).subList(0, group).stream()
                .mapToInt(Integer::intValue)
                .sum();
        for (int i = 0; i < size; i++) {
            var kindIndex = Math.min(level - 1, KINDS.size() - 1);
            var theme = underRoot || kindIndex >= 2 ? THEMES.get(nextTheme++ % THEMES.size()) : department.theme();
            var code = codePrefix + KIND_CODES.get(kindIndex) + "%02d".formatted(i + 1);
            var name = KINDS.get(kindIndex) + " " + theme + (level < 3 ? " " + (i + 1) : "");
            var child = new Department(code, name, department.code(), theme);
            departments.add(child);
            var childHead = head(child, head.soi(), HEAD_TITLES.get(kindIndex));
            children(levels, level - 1, firstChild + i, child, childHead, child.code() + "-", false);
        }
    }

    private Agent head(Department department, @Nullable String manager, String title) {
        var agent = person(department, manager, title, "ACTIVE");
        agents.add(agent);
        return agent;
    }

    private Agent leaf(Department department, @Nullable String manager) {
        var roll = random.nextInt(100);
        var status = roll == 0 ? "DEPARTED" : roll < 3 ? "SUSPENDED" : "ACTIVE";
        return person(department, manager, JOB_TITLES.get(random.nextInt(JOB_TITLES.size())), status);
    }

    private Agent person(Department department, @Nullable String manager, String title, String status) {
        var theme = department.theme();
        var roles = "";
        var roll = random.nextInt(100);
        if (theme.equals("Ressources humaines") && roll < 5) {
            roles = "HR";
        } else if (theme.equals("Systèmes d'information") && roll < 5) {
            roles = "SUPPORT";
        }
        var mobile = random.nextInt(4) == 0
                ? null
                : "06 39 98 %02d %02d".formatted(random.nextInt(100), random.nextInt(100));
        return new Agent(
                String.valueOf(nextSoi++),
                firstNames.get(random.nextInt(firstNames.size())),
                lastNames.get(random.nextInt(lastNames.size())),
                department.code(),
                manager,
                title,
                mobile,
                status,
                roles,
                SENSITIVE_THEMES.contains(theme));
    }

    private Generated toCsv() {
        var format = CSVFormat.RFC4180.builder().setDelimiter(';').get();
        var departmentsCsv = new StringBuilder();
        var agentsCsv = new StringBuilder();
        try (var out = new CSVPrinter(departmentsCsv, format)) {
            out.printRecord("code", "name", "parent");
            for (var d : departments) {
                out.printRecord(d.code(), d.name(), Objects.toString(d.parent(), ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (var out = new CSVPrinter(agentsCsv, format)) {
            out.printRecord(
                    "soi",
                    "first_name",
                    "last_name",
                    "department",
                    "manager_soi",
                    "job_title",
                    "mobile",
                    "status",
                    "roles",
                    "sensitive");
            for (var a : agents) {
                out.printRecord(
                        a.soi(),
                        a.firstName(),
                        a.lastName(),
                        a.department(),
                        Objects.toString(a.manager(), ""),
                        a.jobTitle(),
                        Objects.toString(a.mobile(), ""),
                        a.status(),
                        a.roles(),
                        a.sensitive());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Generated(departmentsCsv.toString(), agentsCsv.toString(), departments.size(), agents.size());
    }

    private static List<String> lines(String resource) {
        try (var in = SyntheticOrganisation.class.getResourceAsStream(resource);
                var reader = new BufferedReader(
                        new InputStreamReader(Objects.requireNonNull(in, resource), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
