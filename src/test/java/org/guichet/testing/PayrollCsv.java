package org.guichet.testing;

import java.time.YearMonth;

/** A payroll export as the HR system writes it: a header, then one line per agent and month. */
public final class PayrollCsv {

    public static final String HEADER = "soi;period;grade;echelon;indice_majore;working_time;traitement_indiciaire;"
            + "indemnite_residence;supplement_familial;nbi;primes;cnracl;rafp;csg_deductible;csg_non_deductible;crds;"
            + "net_a_payer;net_imposable\n";

    private PayrollCsv() {}

    /** One line: this agent's pay of this month, with this net pay ("1923,66"). */
    public static String row(String soi, YearMonth period, String net) {
        return soi + ";" + period
                + ";Technicien principal de 2e classe;6;420;100;2067,57;20,68;0;0;310,00;229,50;16,53;"
                + "160,23;56,55;11,78;" + net + ";1991,99\n";
    }
}
