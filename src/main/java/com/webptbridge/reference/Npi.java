package com.webptbridge.reference;

/** National Provider Identifier: 10 digits, the last a Luhn check digit over "80840" and the first 9. */
public final class Npi {

    private Npi() {}

    public static boolean valid(String npi) {
        if (npi == null || !npi.matches("\\d{10}")) {
            return false;
        }
        String digits = "80840" + npi.substring(0, 9);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) { // doubled: every second digit from the right of the payload
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        int check = (10 - sum % 10) % 10;
        return check == npi.charAt(9) - '0';
    }
}
