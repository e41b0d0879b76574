// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.examples.credit;

import java.util.Map;

/**
 * Human-readable names of the credit data sets' columns and category codes, from {@code
 * german-credit/german.doc} and {@code taiwan-credit-default/README.md}.
 *
 * <p>Thread-safe: immutable tables.
 */
final class FeatureNames {
    private FeatureNames() {}

    private static final Map<String, String> COLUMNS =
            Map.ofEntries(
                    Map.entry("duration_months", "loan duration"),
                    Map.entry("credit_amount", "credit amount"),
                    Map.entry("installment_rate_pct", "instalment rate, % of disposable income"),
                    Map.entry("residence_since", "years at present residence"),
                    Map.entry("age_years", "age"),
                    Map.entry("existing_credits", "existing credits at this bank"),
                    Map.entry("people_liable", "people liable for maintenance"),
                    Map.entry("LIMIT_BAL", "credit limit"),
                    Map.entry("AGE", "age"),
                    Map.entry("PAY_0", "repayment delay in September"),
                    Map.entry("PAY_2", "repayment delay in August"),
                    Map.entry("PAY_3", "repayment delay in July"),
                    Map.entry("PAY_4", "repayment delay in June"),
                    Map.entry("PAY_5", "repayment delay in May"),
                    Map.entry("PAY_6", "repayment delay in April"),
                    Map.entry("BILL_AMT1", "bill amount in September"),
                    Map.entry("BILL_AMT2", "bill amount in August"),
                    Map.entry("BILL_AMT3", "bill amount in July"),
                    Map.entry("BILL_AMT4", "bill amount in June"),
                    Map.entry("BILL_AMT5", "bill amount in May"),
                    Map.entry("BILL_AMT6", "bill amount in April"),
                    Map.entry("PAY_AMT1", "amount paid in September"),
                    Map.entry("PAY_AMT2", "amount paid in August"),
                    Map.entry("PAY_AMT3", "amount paid in July"),
                    Map.entry("PAY_AMT4", "amount paid in June"),
                    Map.entry("PAY_AMT5", "amount paid in May"),
                    Map.entry("PAY_AMT6", "amount paid in April"));

    private static final Map<String, String> CODES =
            Map.ofEntries(
                    Map.entry("checking_status=A11", "< 0 DM"),
                    Map.entry("checking_status=A12", "0 to < 200 DM"),
                    Map.entry("checking_status=A13", ">= 200 DM or salary assignment"),
                    Map.entry("checking_status=A14", "no checking account"),
                    Map.entry("credit_history=A30", "no credits taken or all paid back duly"),
                    Map.entry("credit_history=A31", "all credits at this bank paid back duly"),
                    Map.entry("credit_history=A32", "existing credits paid back duly till now"),
                    Map.entry("credit_history=A33", "delay in paying off in the past"),
                    Map.entry("credit_history=A34", "critical account or credits elsewhere"),
                    Map.entry("purpose=A40", "car (new)"),
                    Map.entry("purpose=A41", "car (used)"),
                    Map.entry("purpose=A42", "furniture/equipment"),
                    Map.entry("purpose=A43", "radio/television"),
                    Map.entry("purpose=A44", "domestic appliances"),
                    Map.entry("purpose=A45", "repairs"),
                    Map.entry("purpose=A46", "education"),
                    Map.entry("purpose=A48", "retraining"),
                    Map.entry("purpose=A49", "business"),
                    Map.entry("purpose=A410", "others"),
                    Map.entry("savings=A61", "< 100 DM"),
                    Map.entry("savings=A62", "100 to < 500 DM"),
                    Map.entry("savings=A63", "500 to < 1000 DM"),
                    Map.entry("savings=A64", ">= 1000 DM"),
                    Map.entry("savings=A65", "unknown or no savings account"),
                    Map.entry("employment_since=A71", "unemployed"),
                    Map.entry("employment_since=A72", "< 1 year"),
                    Map.entry("employment_since=A73", "1 to < 4 years"),
                    Map.entry("employment_since=A74", "4 to < 7 years"),
                    Map.entry("employment_since=A75", ">= 7 years"),
                    Map.entry("personal_status_sex=A91", "male, divorced/separated"),
                    Map.entry("personal_status_sex=A92", "female, divorced/separated/married"),
                    Map.entry("personal_status_sex=A93", "male, single"),
                    Map.entry("personal_status_sex=A94", "male, married/widowed"),
                    Map.entry("personal_status_sex=A95", "female, single"),
                    Map.entry("other_debtors=A101", "none"),
                    Map.entry("other_debtors=A102", "co-applicant"),
                    Map.entry("other_debtors=A103", "guarantor"),
                    Map.entry("property=A121", "real estate"),
                    Map.entry("property=A122", "building society savings or life insurance"),
                    Map.entry("property=A123", "car or other"),
                    Map.entry("property=A124", "unknown or no property"),
                    Map.entry("other_installment_plans=A141", "bank"),
                    Map.entry("other_installment_plans=A142", "stores"),
                    Map.entry("other_installment_plans=A143", "none"),
                    Map.entry("housing=A151", "rent"),
                    Map.entry("housing=A152", "own"),
                    Map.entry("housing=A153", "for free"),
                    Map.entry("job=A171", "unemployed or unskilled, non-resident"),
                    Map.entry("job=A172", "unskilled, resident"),
                    Map.entry("job=A173", "skilled employee or official"),
                    Map.entry("job=A174", "management, self-employed or highly qualified"),
                    Map.entry("telephone=A191", "none"),
                    Map.entry("telephone=A192", "yes, registered"),
                    Map.entry("foreign_worker=A201", "yes"),
                    Map.entry("foreign_worker=A202", "no"),
                    Map.entry("SEX=1", "male"),
                    Map.entry("SEX=2", "female"),
                    Map.entry("EDUCATION=1", "graduate school"),
                    Map.entry("EDUCATION=2", "university"),
                    Map.entry("EDUCATION=3", "high school"),
                    Map.entry("EDUCATION=4", "others"),
                    Map.entry("MARRIAGE=1", "married"),
                    Map.entry("MARRIAGE=2", "single"),
                    Map.entry("MARRIAGE=3", "others"));

    /** A numeric column with its meaning, e.g. {@code "PAY_0 (repayment delay in September)"}. */
    static String column(String column) {
        String meaning = COLUMNS.get(column);
        return meaning == null ? column : column + " (" + meaning + ")";
    }

    /** A category level, e.g. {@code "checking_status = A11 (< 0 DM)"}. */
    static String level(String column, String level) {
        String meaning = CODES.getOrDefault(column + "=" + level, "undocumented code");
        return column + " = " + level + " (" + meaning + ")";
    }
}
