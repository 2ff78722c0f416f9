package org.guichet.testing;

/** The demo accounts the tests sign in with (see the README). */
public final class Demo {

    public static final String PASSWORD = "Guichet-demo-2026";
    public static final String CAMILLE = "camille.martin";
    public static final String CAMILLE_SOI = "1000001";
    public static final String LUCAS = "lucas.bernard";
    public static final String NORA_SOI = "1000006";
    public static final String JULES = "jules.garcia";

    private Demo() {}
}
