# ruff: noqa: E501  (one printed number per line: these tables are data)
"""The numbers the paper states in words, as typed tables: one ``|``-separated row each.

:data:`FLOW_TABLE` columns: ``flow_id | quantity | printed | value | group | location |
flag | note``. An empty ``printed`` and ``value`` stand for a fact the paper does not
state (flag ``not_stated``).

:data:`PROSE_TABLE` columns: ``prose_id | section | paragraph | quantity | printed |
unit | groups | timepoint | measure | statistic | direction | refers_to | check_kind |
inputs | check_note``, the quantity in our own words, the value as printed (the
transcription looks each one up in the paper and stops if it is not there). An empty
``check_kind`` is a design fact, not a claim about results (it may be an input);
``inputs`` may use ``t5.*.vip``-style wildcards, expanded against the table cell ids.
"""

from __future__ import annotations

__all__ = ["FLOW_TABLE", "PROSE_TABLE"]

FLOW_TABLE = """
enrolled.s2_1|women enrolled|104|104|all|§2.1||
completed.s2_1|women who completed the study|97|97|all|§2.1||
withdrawn.s2_1|women who withdrew (chose medication instead)|seven|7|all|§2.1||printed as a word
enrolled.s3_1|women enrolled|104|104|all|§3.1||
completed.s3_1|women who completed the study|97|97|all|§3.1||
withdrawn.s3_1|women who dropped out|7|7|all|§3.1||
analysed.hcm.s3_1|HCM participants with complete data|51|51|HCM|§3.1||
analysed.cm.s3_1|CM participants with complete data|46|46|CM|§3.1||
analysed.hcm.s2_2|HCM group size|n = 51|51|HCM|§2.2||
analysed.cm.s2_2|CM group size|n = 46|46|CM|§2.2||
recruited.abstract|women recruited and randomised, per the abstract|97|97|all|Abstract, Methods|conflicts_with_s2_1|the abstract says 97 were recruited and randomised; §2.1 and §3.1 say 104 enrolled and 97 completed
analysed.hcm.abstract|HCM group size|HCM, 51|51|HCM|Abstract, Methods||
analysed.cm.abstract|CM group size|CM, 46|46|CM|Abstract, Methods||
withdrawn.hcm|HCM participants who withdrew|||HCM|not stated|not_stated|the paper does not say how the withdrawals split between the arms
withdrawn.cm|CM participants who withdrew|||CM|not stated|not_stated|the paper does not say how the withdrawals split between the arms
randomised.hcm|participants randomised to HCM|||HCM|not stated|not_stated|only completers are counted per arm; Figure 1 (flow chart) is an image not in the text
randomised.cm|participants randomised to CM|||CM|not stated|not_stated|only completers are counted per arm; Figure 1 (flow chart) is an image not in the text
"""
"""The participant flow as stated, with where; unstated facts have no value."""

PROSE_TABLE = """
a.duration|Abstract|2|length of the trial|one-year|year|all||trial_duration|duration|||||
a.n_total|Abstract|2|women recruited and randomised|97||all||participants|count||all arms|counts_sum|a.n_hcm;a.n_cm|the abstract calls the 97 recruited and randomised; §2.1 says 104 enrolled and 97 completed
a.n_hcm|Abstract|2|size of the high-calcium milk arm|51||HCM||participants|count||HCM arm|same_quantity|r3_1.n_hcm|
a.n_cm|Abstract|2|size of the control milk arm|46||CM||participants|count||CM arm|same_quantity|r3_1.n_cm|
a.volume_hcm|Abstract|2|daily volume of fortified milk|400 mL|mL/day|HCM||milk_volume|dose|||||
a.volume_cm|Abstract|2|daily volume of regular milk|400 mL|mL/day|CM||milk_volume|dose|||||
a.month_6|Abstract|3|visit at which the BMD and serum effects are reported|6 months|month|HCM vs CM|m6|visit|timepoint|||||
a.month_12|Abstract|3|visit at which the gut flora effects are reported|12 months|month|HCM vs CM|m12|visit|timepoint|||||
m2_1.n_enrolled|2.1|1|women enrolled|104||all||participants|count|||||
m2_1.age_min|2.1|1|youngest age at enrolment|48|years|all|m0|age|minimum|||||
m2_1.age_max|2.1|1|oldest age at enrolment|73|years|all|m0|age|maximum|||||
m2_1.menopause_min|2.1|1|minimum time since menopause for inclusion|1 year|year|all|m0|menopause_duration|threshold|||||
m2_1.n_completed|2.1|1|women who completed the study|97||all||participants|count||all arms|counts_sum|m2_1.n_enrolled;m2_1.n_withdrawn|enrolled minus withdrawn must equal completed
m2_1.n_withdrawn|2.1|1|women who withdrew for medication|seven||all||participants|count|||||
m2_2.duration|2.2|1|length of the intervention|12-month|month|all||trial_duration|duration|||||
m2_2.n_hcm|2.2|2|size of the high-calcium milk arm|n = 51||HCM||participants|count||HCM arm|same_quantity|r3_1.n_hcm|
m2_2.bottles_hcm|2.2|2|bottles of fortified milk a day|two|bottles/day|HCM||milk_volume|dose|||||
m2_2.volume_hcm|2.2|2|daily volume of fortified milk|400 mL|mL/day|HCM||milk_volume|dose|||||
m2_2.n_cm|2.2|3|size of the control milk arm|n = 46||CM||participants|count||CM arm|same_quantity|r3_1.n_cm|
m2_2.bottles_cm|2.2|3|bottles of plain milk a day|two|bottles/day|CM||milk_volume|dose|||||
m2_2.volume_cm|2.2|3|daily volume of plain milk|400 mL|mL/day|CM||milk_volume|dose|||||
m2_2.duration_2|2.2|4|months of milk on top of the usual diet|12 months|month|all||trial_duration|duration|||||
m2_2.diet_m6|2.2|4|second dietary assessment|6|month|all|m6|diet_assessment|timepoint|||||
m2_2.diet_m12|2.2|4|third dietary assessment|12 months|month|all|m12|diet_assessment|timepoint|||||
m2_2.adherence_interval|2.2|4|interval between adherence questionnaires|3 months|month|all||adherence|interval|||||
m2_3.visits|2.3|1|number of examination visits|three|visits|all||visit|count|||||
m2_3.visit_m6|2.3|1|second visit|6 months|month|all|m6|visit|timepoint|||||
m2_3.visit_m12|2.3|1|third visit|12 months|month|all|m12|visit|timepoint|||||
m2_3_2.fasting|2.3.2|1|overnight fast before blood sampling|12 h|h|all||fasting|duration|||||
m2_3_2.mix_min|2.3.2|1|fewest gentle inversions of the blood tube|4|times|all||sample_handling|minimum|||||
m2_3_2.mix_max|2.3.2|1|most gentle inversions of the blood tube|5 times|times|all||sample_handling|maximum|||||
m2_3_2.stand_temp|2.3.2|1|temperature while the tube stands|4°C|°C|all||sample_handling|temperature|||||
m2_3_2.stand_min|2.3.2|1|shortest standing time|15|min|all||sample_handling|minimum|||||
m2_3_2.stand_max|2.3.2|1|longest standing time|30 min|min|all||sample_handling|maximum|||||
m2_3_2.spin_g|2.3.2|1|centrifugal force for serum separation|1,200 g|g|all||sample_handling|force|||||
m2_3_2.spin_min|2.3.2|1|centrifugation time for serum|8 min|min|all||sample_handling|duration|||||
m2_3_2.tube_ml|2.3.2|1|volume of the serum storage tube|5 mL|mL|all||sample_handling|volume|||||
m2_3_2.storage|2.3.2|1|serum storage temperature|−80°C|°C|all||sample_handling|temperature|||||
m2_4.stool_g|2.4|1|approximate mass of each stool sample|10 g|g|all||sample_handling|mass|||||
m2_4.stool_storage|2.4|1|stool storage temperature|−80°C|°C|all||sample_handling|temperature|||||
m2_4.dna_mg|2.4|2|stool mass used for DNA extraction|100 mg|mg|all||sequencing|mass|||||
m2_4.template_ng|2.4|2|DNA template for PCR|Ten nanograms|ng|all||sequencing|mass|||||
m2_4.novaseq|2.4|2|sequencer model number as printed|6,000||all||sequencing|model_number|||||
m2_4.read_length|2.4|2|paired-end read length|PE250|bp|all||sequencing|read_length|||||
m2_4.otu_similarity|2.4|2|sequence similarity for grouping OTUs|97%|%|all||sequencing|threshold|||||
m2_4.alpha_16s|2.4|2|significance level for taxon differences|<0.05||HCM vs CM||microbiome|threshold|||||
m2_4.tissue_mg|2.4|3|sample mass for metabolomics|One hundred milligrams|mg|all||metabolomics|mass|||||
m2_4.methanol_ul|2.4|3|volume of methanol solution added|500 μL|μL|all||metabolomics|volume|||||
m2_4.methanol_pct|2.4|3|methanol share of the extraction solution|80%|%|all||metabolomics|concentration|||||
m2_4.ice_min|2.4|3|time on ice after vortexing|5 min|min|all||metabolomics|duration|||||
m2_4.spin1_g|2.4|3|first metabolomics centrifugal force|15,000 g|g|all||metabolomics|force|||||
m2_4.spin1_temp|2.4|3|first metabolomics centrifugation temperature|4°C|°C|all||metabolomics|temperature|||||
m2_4.spin1_min|2.4|3|first metabolomics centrifugation time|20 min|min|all||metabolomics|duration|||||
m2_4.methanol_final|2.4|3|methanol share after dilution|53%|%|all||metabolomics|concentration|||||
m2_4.vip|2.4|3|VIP cut-off for a differential metabolite|VIP > 1||HCM vs CM||metabolomics|threshold|||||
m2_4.p|2.4|3|p cut-off for a differential metabolite|p < 0.05||HCM vs CM||metabolomics|threshold|||||
m2_4.fc_up|2.4|3|fold-change cut-off for an increase|FC ≥ 2||HCM vs CM||metabolomics|threshold|||threshold|t5.*.fc|the Methods' cut-offs (≥ 2 or ≤ 0.5) differ from those of §3.5 (> 1.2 or < 0.833); most Table 5 fold changes meet only the looser ones
m2_4.fc_down|2.4|3|fold-change cut-off for a decrease|FC ≤ 0.5||HCM vs CM||metabolomics|threshold|||threshold|t5.*.fc|see m2_4.fc_up
m2_5.alpha|2.5|1|significance level of the clinical analyses|p < 0.05||all||clinical|threshold|||||
r3_1.n_enrolled|3.1|1|women enrolled|104||all||participants|count|||same_quantity|m2_1.n_enrolled|
r3_1.n_completed|3.1|1|women who completed the study|97||all||participants|count||all arms|counts_sum|r3_1.n_enrolled;r3_1.n_dropout;r3_1.n_hcm;r3_1.n_cm|104 − 7 = 97 = 51 + 46
r3_1.n_dropout|3.1|1|women who dropped out|7||all||participants|count|||same_quantity|m2_1.n_withdrawn|the split of the 7 between the arms is not stated
r3_1.n_hcm|3.1|1|HCM participants with complete data|51||HCM||participants|count||HCM arm|counts_sum|t4.normal.hcm.m0;t4.insufficient.hcm.m0;t4.deficient.hcm.m0|the three 25(OH)D categories of Table 4 at baseline
r3_1.n_cm|3.1|1|CM participants with complete data|46||CM||participants|count||CM arm|counts_sum|t4.normal.cm.m0;t4.insufficient.cm.m0;t4.deficient.cm.m0|the three 25(OH)D categories of Table 4 at baseline
r3_1.age_mean|3.1|1|mean age of all completers|61.2|years|all|m0|age|mean||both arms pooled|pooled_summary|t2.age.hcm;t2.age.cm|
r3_1.age_sd|3.1|1|SD of age of all completers|4.90|years|all|m0|age|sd||both arms pooled|pooled_summary|t2.age.hcm;t2.age.cm;r3_1.age_mean|
r3_1.bmi_mean|3.1|1|mean BMI of all completers|24.8|kg/m2|all|m0|bmi|mean||both arms pooled|pooled_summary|t2.bmi.hcm;t2.bmi.cm|
r3_1.bmi_sd|3.1|1|SD of BMI of all completers|3.06|kg/m2|all|m0|bmi|sd||both arms pooled|pooled_summary|t2.bmi.hcm;t2.bmi.cm;r3_1.bmi_mean|
r3_1.n_table2|3.1|1|participants summarised in Table 2|97||all|m0|participants|count|||counts_sum|r3_1.n_hcm;r3_1.n_cm|
r3_2.l1_4.hcm.pct_6|3.2|1|rise in spine BMD in HCM over six months|2.3%|%|HCM|m6 vs m0|l1_4_bmd|percent_change|increase|HCM 0→6 m within-group|not_verifiable||follow-up BMD means are shown only in Figure 2A
r3_2.l1_4.hcm.p_6|3.2|1|within-group p for that rise|p = 0.003||HCM|m6 vs m0|l1_4_bmd|p_value||HCM 0→6 m within-group|within_group||
r3_2.l1_4.cm.pct_6|3.2|1|rise in spine BMD in CM over six months|1.5%|%|CM|m6 vs m0|l1_4_bmd|percent_change|increase|CM 0→6 m within-group|not_verifiable||follow-up BMD means are shown only in Figure 2A
r3_2.l1_4.cm.p_6|3.2|1|within-group p for that rise|p = 0.017||CM|m6 vs m0|l1_4_bmd|p_value||CM 0→6 m within-group|within_group||
r3_2.l1_4.between.p_6|3.2|1|between-arm p for spine BMD at six months|p = 0.035||HCM vs CM|m6|l1_4_bmd|p_value||HCM vs CM at 6 m|not_verifiable||the test (values or changes) is not named and 6-month means are only in Figure 2A
r3_2.l1_4.between.p_12|3.2|1|between-arm p for spine BMD at twelve months|p = 0.041||HCM vs CM|m12|l1_4_bmd|p_value||HCM vs CM at 12 m|not_verifiable||12-month means are only in Figure 2A
r3_2.left_hip.hcm.pct_6|3.2|1|rise in left hip BMD in HCM over six months|2.2%|%|HCM|m6 vs m0|left_hip_bmd|percent_change|increase|HCM 0→6 m within-group|not_verifiable||Figure 2 only
r3_2.left_hip.hcm.p_6|3.2|1|within-group p for that rise|p = 0.014||HCM|m6 vs m0|left_hip_bmd|p_value||HCM 0→6 m within-group|within_group||
r3_2.left_hip.hcm.pct_12|3.2|1|rise in left hip BMD in HCM over twelve months|1.1%|%|HCM|m12 vs m0|left_hip_bmd|percent_change|increase|HCM 0→12 m within-group|not_verifiable||Figure 2 only
r3_2.left_hip.cm.pct_6|3.2|1|fall in left hip BMD in CM over six months|0.1|%|CM|m6 vs m0|left_hip_bmd|percent_change|decrease|CM 0→6 m within-group|not_verifiable||printed as "0.1 and 0.7%"; Figure 2 only
r3_2.left_hip.cm.pct_12|3.2|1|fall in left hip BMD in CM over twelve months|0.7%|%|CM|m12 vs m0|left_hip_bmd|percent_change|decrease|CM 0→12 m within-group|not_verifiable||Figure 2 only
r3_2.left_fn.hcm.pct_6|3.2|1|rise in left femoral neck BMD in HCM over six months|2.6%|%|HCM|m6 vs m0|left_femoral_neck_bmd|percent_change|increase|HCM 0→6 m within-group|not_verifiable||Figure 2 only
r3_2.left_fn.hcm.p_6|3.2|1|within-group p for that rise|p = 0.007||HCM|m6 vs m0|left_femoral_neck_bmd|p_value||HCM 0→6 m within-group|within_group||
r3_2.left_fn.cm.pct_6|3.2|1|rise in left femoral neck BMD in CM over six months|0.5%|%|CM|m6 vs m0|left_femoral_neck_bmd|percent_change|increase|CM 0→6 m within-group|not_verifiable||Figure 2 only
r3_2.left_fn.hcm.pct_6_12|3.2|1|fall in left femoral neck BMD in HCM from six to twelve months|0.5%|%|HCM|m12 vs m6|left_femoral_neck_bmd|percent_change|decrease|HCM 6→12 m within-group|not_verifiable||Figure 2 only
r3_2.left_fn.cm.pct_6_12|3.2|1|fall in left femoral neck BMD in CM from six to twelve months|1.0%|%|CM|m12 vs m6|left_femoral_neck_bmd|percent_change|decrease|CM 6→12 m within-group|not_verifiable||Figure 2 only
r3_2.right_hip.m12|3.2|1|visit by which right hip BMD fell slightly in both arms|12 months|month|all|m12 vs m0|right_hip_bmd|timepoint|decrease|both arms 0→12 m within-group|not_verifiable||the size of the fall is not printed; Figure 2 only
r3_2.right_fn.changes|3.2|1|significant changes in right femoral neck BMD over the study|No significant change||all|m0;m6;m12|right_femoral_neck_bmd|significant_changes||both arms, whole study|not_verifiable||within-arm tests on paired data; Figure 2 only
r3_2.left_fn.p_6_12|3.2|1|p attached to the six-to-twelve-month femoral neck falls|p = 0.046||CM|m12 vs m6|left_femoral_neck_bmd|p_value||ambiguous: CM 6→12 m within-group, or HCM vs CM|within_group||the sentence does not say which comparison the p belongs to
r3_3.ast.hcm.pct_6|3.3|1|rise in AST in HCM over six months|16.4%|%|HCM|m6 vs m0|ast|percent_change|increase|HCM 0→6 m within-group|percent_change|t3.ast.hcm.m0;t3.ast.hcm.m6|
r3_3.ast.hcm.p_6|3.3|1|within-group p for that rise|p = 0.024||HCM|m6 vs m0|ast|p_value||HCM 0→6 m within-group|within_group||
r3_3.ast.hcm.pct_6_12|3.3|1|fall in AST in HCM from six to twelve months|18.6%|%|HCM|m12 vs m6|ast|percent_change|decrease|HCM 6→12 m within-group|percent_change|t3.ast.hcm.m6;t3.ast.hcm.m12|
r3_3.ast.hcm.p_6_12|3.3|1|within-group p for that fall|p = 0.001||HCM|m12 vs m6|ast|p_value||HCM 6→12 m within-group|within_group||
r3_3.ast.cm.pct_6_12|3.3|1|fall in AST in CM from six to twelve months|17.2%|%|CM|m12 vs m6|ast|percent_change|decrease|CM 6→12 m within-group|percent_change|t3.ast.cm.m6;t3.ast.cm.m12|
r3_3.ast.cm.p_6_12|3.3|1|within-group p for that fall|p = 0.044||CM|m12 vs m6|ast|p_value||CM 6→12 m within-group|within_group||
r3_3.calcium.cm.pct_6|3.3|1|rise in serum calcium in CM over six months|3.8%|%|CM|m6 vs m0|calcium|percent_change|increase|CM 0→6 m within-group|percent_change|t3.calcium.cm.m0;t3.calcium.cm.m6|
r3_3.calcium.cm.p_6|3.3|1|within-group p for that rise|p = 0.014||CM|m6 vs m0|calcium|p_value||CM 0→6 m within-group|within_group||
r3_3.calcium.hcm.pct_6|3.3|1|rise in serum calcium in HCM over six months|4.3%|%|HCM|m6 vs m0|calcium|percent_change|increase|HCM 0→6 m within-group|percent_change|t3.calcium.hcm.m0;t3.calcium.hcm.m6|
r3_3.calcium.hcm.p_6|3.3|1|within-group p for that rise|p < 0.001||HCM|m6 vs m0|calcium|p_value||HCM 0→6 m within-group|within_group||
r3_3.calcium.hcm.pct_12|3.3|1|rise in serum calcium in HCM over twelve months|5.1%|%|HCM|m12 vs m0|calcium|percent_change|increase|HCM 0→12 m within-group|percent_change|t3.calcium.hcm.m0;t3.calcium.hcm.m12|
r3_3.calcium.hcm.p_12|3.3|1|within-group p for that rise|p < 0.001||HCM|m12 vs m0|calcium|p_value||HCM 0→12 m within-group|within_group||
r3_3.calcium.cm.pct_12|3.3|1|rise in serum calcium in CM over twelve months|4.7%|%|CM|m12 vs m0|calcium|percent_change|increase|CM 0→12 m within-group|percent_change|t3.calcium.cm.m0;t3.calcium.cm.m12|
r3_3.calcium.cm.p_12|3.3|1|within-group p for that rise|p = 0.003||CM|m12 vs m0|calcium|p_value||CM 0→12 m within-group|within_group||
r3_3.ohd.hcm.pct_6|3.3|1|rise in 25(OH)D in HCM over six months|54.7%|%|HCM|m6 vs m0|ohd_25|percent_change|increase|HCM 0→6 m within-group|percent_change|t3.ohd_25.hcm.m0;t3.ohd_25.hcm.m6|
r3_3.ohd.hcm.p_6|3.3|1|within-group p for that rise|p < 0.001||HCM|m6 vs m0|ohd_25|p_value||HCM 0→6 m within-group|within_group||
r3_3.ohd.cm.pct_6|3.3|1|rise in 25(OH)D in CM over six months|23.6%|%|CM|m6 vs m0|ohd_25|percent_change|increase|CM 0→6 m within-group|percent_change|t3.ohd_25.cm.m0;t3.ohd_25.cm.m6|
r3_3.ohd.cm.p_6|3.3|1|within-group p for that rise|p < 0.001||CM|m6 vs m0|ohd_25|p_value||CM 0→6 m within-group|within_group||
r3_3.ohd.normal_min|3.3|1|25(OH)D cut-off of the category "normal"|Normal indicates 25(OH)D ≥ 20 ng/mL|ng/mL|all||ohd_25|threshold||Table 4, footnote 1|||
r3_3.ohd.between.p_6|3.3|1|between-arm p for 25(OH)D at six months|p < 0.001||HCM vs CM|m6|ohd_25|p_value||HCM vs CM at 6 m|same_quantity|t3.ohd_25.between.m6|
r3_3.ohd.hcm.pct_12|3.3|1|rise in 25(OH)D in HCM over twelve months|52.6%|%|HCM|m12 vs m0|ohd_25|percent_change|increase|HCM 0→12 m within-group|percent_change|t3.ohd_25.hcm.m0;t3.ohd_25.hcm.m12|
r3_3.ohd.hcm.p_12|3.3|1|within-group p for that rise|p < 0.001||HCM|m12 vs m0|ohd_25|p_value||HCM 0→12 m within-group|within_group||
r3_3.ohd.cm.pct_12|3.3|1|rise in 25(OH)D in CM over twelve months, called not significant|11.9%|%|CM|m12 vs m0|ohd_25|percent_change|increase|CM 0→12 m within-group|percent_change|t3.ohd_25.cm.m0;t3.ohd_25.cm.m12|
r3_3.ohd.between.p_12|3.3|1|between-arm p for 25(OH)D at twelve months|p < 0.001||HCM vs CM|m12|ohd_25|p_value||HCM vs CM at 12 m|same_quantity|t3.ohd_25.between.m12|
r3_3.ohd.z_6|3.3|1|ordinal test statistic for 25(OH)D categories at six months|−4.390||HCM vs CM|m6|ohd_25_category|z||HCM vs CM at 6 m (Table 4)|same_quantity|t4.z.m6|
r3_3.ohd.z_12|3.3|1|ordinal test statistic for 25(OH)D categories at twelve months|−3.408||HCM vs CM|m12|ohd_25_category|z||HCM vs CM at 12 m (Table 4)|same_quantity|t4.z.m12|
r3_3.ohd.z_p|3.3|1|p bound stated for both category tests|p < 0.0001||HCM vs CM|m6;m12|ohd_25_category|p_value||HCM vs CM at 6 and 12 m (Table 4)|significance_claim|t4.z.m6;t4.z.m12;t4.p.m6;t4.p.m12|Table 4 prints 0.0001 and 0.001
r3_3.tracp.hcm.pct_6|3.3|1|rise in TRACP-5b in HCM over six months|24.4%|%|HCM|m6 vs m0|tracp_5b|percent_change|increase|HCM 0→6 m within-group|percent_change|t3.tracp_5b.hcm.m0;t3.tracp_5b.hcm.m6|
r3_3.tracp.hcm.p_6|3.3|1|within-group p for that rise|p = 0.007||HCM|m6 vs m0|tracp_5b|p_value||HCM 0→6 m within-group|within_group||
r3_3.tracp.cm.pct_6|3.3|1|rise in TRACP-5b in CM over six months|30.6%|%|CM|m6 vs m0|tracp_5b|percent_change|increase|CM 0→6 m within-group|percent_change|t3.tracp_5b.cm.m0;t3.tracp_5b.cm.m6|
r3_3.tracp.cm.p_6|3.3|1|within-group p for that rise|p < 0.001||CM|m6 vs m0|tracp_5b|p_value||CM 0→6 m within-group|within_group||
r3_3.tracp.hcm.pct_12|3.3|1|fall in TRACP-5b in HCM from baseline to twelve months|41.1%|%|HCM|m12 vs m0|tracp_5b|percent_change|decrease|HCM 0→12 m within-group|percent_change|t3.tracp_5b.hcm.m0;t3.tracp_5b.hcm.m12|
r3_3.tracp.cm.pct_12|3.3|1|fall in TRACP-5b in CM from baseline to twelve months|45.1%|%|CM|m12 vs m0|tracp_5b|percent_change|decrease|CM 0→12 m within-group|percent_change|t3.tracp_5b.cm.m0;t3.tracp_5b.cm.m12|
r3_3.tracp.p_12|3.3|1|within-group p for both of those falls|p < 0.001||HCM;CM|m12 vs m0|tracp_5b|p_value||HCM and CM 0→12 m within-group|within_group||
r3_3.tracp.hcm.pct_6_12|3.3|1|fall in TRACP-5b in HCM from six to twelve months|52.7%|%|HCM|m12 vs m6|tracp_5b|percent_change|decrease|HCM 6→12 m within-group|percent_change|t3.tracp_5b.hcm.m6;t3.tracp_5b.hcm.m12|
r3_3.tracp.cm.pct_6_12|3.3|1|fall in TRACP-5b in CM from six to twelve months|57.9%|%|CM|m12 vs m6|tracp_5b|percent_change|decrease|CM 6→12 m within-group|percent_change|t3.tracp_5b.cm.m6;t3.tracp_5b.cm.m12|
r3_3.tracp.p_6_12|3.3|1|within-group p for both of those falls|p < 0.001||HCM;CM|m12 vs m6|tracp_5b|p_value||HCM and CM 6→12 m within-group|within_group||
r3_3.phosphorus.between.p_6|3.3|1|between-arm p for phosphorus at six months|p = 0.046||HCM vs CM|m6|phosphorus|p_value||HCM vs CM at 6 m|same_quantity|t3.phosphorus.between.m6|
r3_3.pinp.between.p_6|3.3|1|between-arm p for PINP at six months|p = 0.001||HCM vs CM|m6|pinp|p_value||HCM vs CM at 6 m|same_quantity|t3.pinp.between.m6|
r3_3.pinp.ref_low|3.3|1|lower end of the female PINP reference range|31.7|ng/mL|all||pinp|reference_limit||reference range|threshold|t3.pinp.hcm.m0;t3.pinp.cm.m0;t3.pinp.hcm.m6;t3.pinp.cm.m6|text: both arms above the range at baseline; HCM inside it at 6 m
r3_3.pinp.ref_high|3.3|1|upper end of the female PINP reference range|70.7|ng/mL|all||pinp|reference_limit||reference range|threshold|t3.pinp.hcm.m0;t3.pinp.cm.m0;t3.pinp.hcm.m6;t3.pinp.cm.m6|text: both arms above the range at baseline; HCM inside it at 6 m
r3_3.pinp.ref2_low|3.3|1|lower end of a second PINP reference range (immunoassay)|21|μg/L|all||pinp|reference_limit||reference range|threshold|t3.pinp.hcm.m6;t3.pinp.cm.m6|a second range in μg/L (= ng/mL); it disagrees with the first
r3_3.pinp.ref2_high|3.3|1|upper end of a second PINP reference range (immunoassay)|78|μg/L|all||pinp|reference_limit||reference range|threshold|t3.pinp.hcm.m0;t3.pinp.cm.m0;t3.pinp.hcm.m6;t3.pinp.cm.m6|a second range in μg/L (= ng/mL); it disagrees with the first
r3_4.alpha_baseline|3.4|1|p for alpha diversity between arms at enrolment|p > 0.05||HCM vs CM|m0|alpha_diversity|p_value||HCM vs CM at 0 m|not_verifiable||needs sequencing data
r3_4.pc1|3.4|1|variation explained by the first principal coordinate|7.09|%|all|m6|beta_diversity|variance_explained||PCoA at 6 m|not_verifiable||printed as "7.09 and 6.68%"; needs sequencing data
r3_4.pc2|3.4|1|variation explained by the second principal coordinate|6.68%|%|all|m6|beta_diversity|variance_explained||PCoA at 6 m|not_verifiable||needs sequencing data
r3_4.beta_p|3.4|1|p for the difference in community structure at six months|p < 0.001||HCM vs CM|m6|beta_diversity|p_value||HCM vs CM at 6 m|not_verifiable||a Wilcoxon test of distances; needs sequencing data
r3_4.top_phyla|3.4|2|phyla shown in the stacked bars|five|taxa|all||taxa_shown|count|||||
r3_4.top_genera|3.4|2|genera shown in the stacked bars|10|taxa|all||taxa_shown|count|||||
r3_4.dominant_share|3.4|2|approximate share of the three dominant phyla|90%|%|all||phylum_abundance|relative_abundance||all samples|not_verifiable||Figure 3D only
r3_4.fb.hcm.before|3.4|2|Firmicutes-to-Bacteroidetes ratio in HCM, earlier value|0.843||HCM|m0|firmicutes_bacteroidetes|ratio|decrease|HCM, read as 0 m|ratio|r3_4.firmicutes.hcm.mean_0;r3_4.bacteroidota.hcm.mean_0|the text says "at baseline" for a 0.843 → 0.769 change; read as 0 → 6 m; a ratio of group means is not the mean of ratios
r3_4.fb.hcm.after|3.4|2|Firmicutes-to-Bacteroidetes ratio in HCM, later value|0.769||HCM|m6|firmicutes_bacteroidetes|ratio|decrease|HCM, read as 6 m|ratio|r3_4.firmicutes.hcm.mean_6;r3_4.bacteroidota.hcm.mean_6|read as 6 m; a ratio of group means is not the mean of ratios
r3_4.fb.cm.before|3.4|2|Firmicutes-to-Bacteroidetes ratio in CM, earlier value|0.641||CM|m0|firmicutes_bacteroidetes|ratio|increase|CM, read as 0 m|ratio|r3_4.firmicutes.cm.mean_0;r3_4.bacteroidota.cm.mean_0|read as 0 m; a ratio of group means is not the mean of ratios
r3_4.fb.cm.after|3.4|2|Firmicutes-to-Bacteroidetes ratio in CM, later value|0.916||CM|m6|firmicutes_bacteroidetes|ratio|increase|CM, read as 6 m|ratio|r3_4.firmicutes.cm.mean_6;r3_4.bacteroidota.cm.mean_6|read as 6 m; a ratio of group means is not the mean of ratios
r3_4.genus_5pct|3.4|2|mean relative abundance above which four genera are named|5%|%|all||genus_abundance|threshold||all samples|not_verifiable||Figure 3E only
r3_4.bacteroidota.cm.mean_0|3.4|2|mean Bacteroidota abundance in CM at baseline|0.522||CM|m0|bacteroidota|mean||CM 0 m|not_verifiable||needs sequencing data
r3_4.bacteroidota.cm.sd_0|3.4|2|SD of Bacteroidota abundance in CM at baseline|0.185||CM|m0|bacteroidota|sd||CM 0 m|not_verifiable||needs sequencing data
r3_4.bacteroidota.hcm.mean_0|3.4|2|mean Bacteroidota abundance in HCM at baseline|0.438||HCM|m0|bacteroidota|mean||HCM 0 m|not_verifiable||needs sequencing data
r3_4.bacteroidota.hcm.sd_0|3.4|2|SD of Bacteroidota abundance in HCM at baseline|0.182||HCM|m0|bacteroidota|sd||HCM 0 m|not_verifiable||needs sequencing data
r3_4.bacteroidota.between.p_0|3.4|2|MetagenomeSeq p for Bacteroidota between arms at baseline|p = 0.026||HCM vs CM|m0|bacteroidota|p_value||HCM vs CM at 0 m|not_verifiable||MetagenomeSeq on counts; a t-test on the printed summaries is only a rough cross-check
r3_4.bacteroidota.cm.mean_6|3.4|2|mean Bacteroidota abundance in CM at six months|0.391||CM|m6|bacteroidota|mean|decrease|CM 6 m|not_verifiable||needs sequencing data
r3_4.bacteroidota.cm.sd_6|3.4|2|SD of Bacteroidota abundance in CM at six months|0.262||CM|m6|bacteroidota|sd||CM 6 m|not_verifiable||needs sequencing data
r3_4.bacteroidota.hcm.mean_6|3.4|2|mean Bacteroidota abundance in HCM at six months|0.450||HCM|m6|bacteroidota|mean|increase|HCM 6 m|not_verifiable||needs sequencing data
r3_4.bacteroidota.hcm.sd_6|3.4|2|SD of Bacteroidota abundance in HCM at six months|0.197||HCM|m6|bacteroidota|sd||HCM 6 m|not_verifiable||needs sequencing data
r3_4.firmicutes.cm.mean_0|3.4|2|mean Firmicutes abundance in CM at baseline|0.335||CM|m0|firmicutes|mean||CM 0 m|not_verifiable||needs sequencing data
r3_4.firmicutes.cm.sd_0|3.4|2|SD of Firmicutes abundance in CM at baseline|0.143||CM|m0|firmicutes|sd||CM 0 m|not_verifiable||needs sequencing data
r3_4.firmicutes.cm.mean_6|3.4|2|mean Firmicutes abundance in CM at six months|0.296||CM|m6|firmicutes|mean|decrease|CM 6 m|not_verifiable||needs sequencing data
r3_4.firmicutes.cm.sd_6|3.4|2|SD of Firmicutes abundance in CM at six months|0.119||CM|m6|firmicutes|sd||CM 6 m|not_verifiable||needs sequencing data
r3_4.firmicutes.hcm.mean_0|3.4|2|mean Firmicutes abundance in HCM at baseline|0.369||HCM|m0|firmicutes|mean||HCM 0 m|not_verifiable||needs sequencing data
r3_4.firmicutes.hcm.sd_0|3.4|2|SD of Firmicutes abundance in HCM at baseline|0.170||HCM|m0|firmicutes|sd||HCM 0 m|not_verifiable||needs sequencing data
r3_4.firmicutes.hcm.mean_6|3.4|2|mean Firmicutes abundance in HCM at six months|0.357||HCM|m6|firmicutes|mean|decrease|HCM 6 m|not_verifiable||needs sequencing data
r3_4.firmicutes.hcm.sd_6|3.4|2|SD of Firmicutes abundance in HCM at six months|0.143||HCM|m6|firmicutes|sd||HCM 6 m|not_verifiable||needs sequencing data
r3_4.firmicutes.p_6|3.4|2|p for the Firmicutes fall in both arms|p = 0.001||HCM;CM|m6 vs m0|firmicutes|p_value||HCM and CM 0→6 m within-group|within_group||one p for two within-arm changes of very different size (HCM 0.369 → 0.357)
r3_4.staphylococcus.p_0|3.4|2|MetagenomeSeq p for Staphylococcus at baseline|p = 0.022||HCM vs CM|m0|staphylococcus|p_value||HCM vs CM at 0 m|not_verifiable||needs sequencing data
r3_4.pyramidobacter.p_0|3.4|2|MetagenomeSeq p for Pyramidobacter at baseline|p = 0.034||HCM vs CM|m0|pyramidobacter|p_value||HCM vs CM at 0 m|not_verifiable||needs sequencing data
r3_4.achromobacter.p_0|3.4|2|MetagenomeSeq p for Achromobacter at baseline|p = 0.005||HCM vs CM|m0|achromobacter|p_value||HCM vs CM at 0 m|not_verifiable||needs sequencing data
r3_4.bacteroides.p_6|3.4|2|MetagenomeSeq p for Bacteroides at six months|p = 0.042||HCM vs CM|m6|bacteroides|p_value||HCM vs CM at 6 m|not_verifiable||needs sequencing data
r3_4.oscillibacter.p_6|3.4|2|MetagenomeSeq p for Oscillibacter at six months|p = 0.032||HCM vs CM|m6|oscillibacter|p_value||HCM vs CM at 6 m|not_verifiable||needs sequencing data
r3_4.gca_900066575.p_6|3.4|2|MetagenomeSeq p for GCA-900066575 at six months|p = 0.037||HCM vs CM|m6|gca_900066575|p_value||HCM vs CM at 6 m|not_verifiable||needs sequencing data
r3_4.sellimonas.p_6|3.4|2|MetagenomeSeq p for Sellimonas at six months|p = 0.036||HCM vs CM|m6|sellimonas|p_value||HCM vs CM at 6 m|not_verifiable||needs sequencing data
r3_4.weissella.p_6|3.4|2|MetagenomeSeq p for Weissella at six months|p = 0.049||HCM vs CM|m6|weissella|p_value||HCM vs CM at 6 m|not_verifiable||needs sequencing data
r3_4.subdoligranulum.p_12|3.4|2|MetagenomeSeq p for Subdoligranulum at twelve months|p = 0.038||HCM vs CM|m12|subdoligranulum|p_value||HCM vs CM at 12 m|not_verifiable||needs sequencing data
r3_4.fusicatenibacter.p_12|3.4|2|MetagenomeSeq p for Fusicatenibacter at twelve months|p = 0.018||HCM vs CM|m12|fusicatenibacter|p_value||HCM vs CM at 12 m|not_verifiable||needs sequencing data
r3_4.achromobacter.p_12|3.4|2|MetagenomeSeq p for Achromobacter at twelve months|p = 0.021||HCM vs CM|m12|achromobacter|p_value||HCM vs CM at 12 m|not_verifiable||needs sequencing data
r3_4.rf_folds|3.4|3|folds of cross-validation for the random forests|10-fold|folds|all||random_forest|design|||||
r3_4.rf_species|3.4|3|species ranked most discriminative by the random forests|25|taxa|HCM vs CM|m0;m6;m12|random_forest|count||all stages|not_verifiable||needs sequencing data and the models
r3_5.vip|3.5|1|VIP cut-off for a differential serum metabolite|VIP > 1.0||HCM vs CM||metabolomics|threshold||Table 5|threshold|t5.*.vip|
r3_5.fc_up|3.5|1|fold-change cut-off for an increase|FC > 1.2||HCM vs CM||metabolomics|threshold||Table 5|threshold|t5.*.fc|
r3_5.fc_down|3.5|1|fold-change cut-off for a decrease|FC < 0.833||HCM vs CM||metabolomics|threshold||Table 5|threshold|t5.*.fc|
r3_5.p|3.5|1|p cut-off for a differential serum metabolite|p < 0.05||HCM vs CM||metabolomics|threshold||Table 5|threshold|t5.*.p|
r3_5.n_total|3.5|1|differential serum metabolites over all visits|52|metabolites|HCM vs CM|m0;m6;m12|serum_metabolites|count||Table 5|list_count|t5.*.number|Table 5 prints fewer rows; its numbering repeats 24 and 19
r3_5.n_up|3.5|1|of those, higher in HCM|39|metabolites|HCM vs CM|m0;m6;m12|serum_metabolites|count|up|Table 5|list_count|t5.*.variation|
r3_5.n_down|3.5|1|of those, lower in HCM|13|metabolites|HCM vs CM|m0;m6;m12|serum_metabolites|count|down|Table 5|list_count|t5.*.variation|
r3_5.n_0|3.5|1|differential serum metabolites at baseline|13|metabolites|HCM vs CM|m0|serum_metabolites|count||Table 5, 0 m rows|list_count|t5.*.phase|
r3_5.n_0_up|3.5|1|of those, higher in HCM|six|metabolites|HCM vs CM|m0|serum_metabolites|count|up|Table 5, 0 m rows|list_count|t5.*.phase;t5.*.variation|
r3_5.n_0_down|3.5|1|of those, lower in HCM|seven|metabolites|HCM vs CM|m0|serum_metabolites|count|down|Table 5, 0 m rows|list_count|t5.*.phase;t5.*.variation|
r3_5.n_6|3.5|1|differential serum metabolites at six months|three|metabolites|HCM vs CM|m6|serum_metabolites|count||Table 5, 6 m rows|list_count|t5.*.phase|
r3_5.n_6_up|3.5|1|of those, higher in HCM (the text says all three)|three|metabolites|HCM vs CM|m6|serum_metabolites|count|up|Table 5, 6 m rows|list_count|t5.*.phase;t5.*.variation|Table 5 marks one of the three (L-arabinitol) ↓ although its FC is above 1
r3_5.n_12|3.5|1|differential serum metabolites at twelve months|35|metabolites|HCM vs CM|m12|serum_metabolites|count||Table 5, 12 m rows|list_count|t5.*.phase|
r3_5.n_12_up|3.5|1|of those, higher in HCM|32|metabolites|HCM vs CM|m12|serum_metabolites|count|up|Table 5, 12 m rows|list_count|t5.*.phase;t5.*.variation|
r3_5.n_12_down|3.5|1|of those, lower in HCM|3|metabolites|HCM vs CM|m12|serum_metabolites|count|down|Table 5, 12 m rows|list_count|t5.*.phase;t5.*.variation|
r3_5.pathway_fc_up|3.5|3|fold-change cut-off (increase) for pathway enrichment|FC > 1.2||HCM vs CM||metabolomics|threshold|||||
r3_5.pathway_fc_down|3.5|3|fold-change cut-off (decrease) for pathway enrichment|FC < 0.833||HCM vs CM||metabolomics|threshold|||||
r3_5.pathway_impact|3.5|3|pathway impact cut-off|Pathway impact > 0.1||HCM vs CM||metabolomics|threshold|||||
r3_5.pathway_p|3.5|3|pathway p cut-off|p < 0.05||HCM vs CM||metabolomics|threshold|||||
r3_5.auc_less|3.5|3|AUC band read as less predictive power (lower edge)|0.5–0.7||HCM vs CM|m12|serum_metabolites|auc_band||Table 6, footnote 1|||
r3_5.auc_some|3.5|3|AUC band read as some predictive accuracy (lower edge)|0.7–0.9||HCM vs CM|m12|serum_metabolites|auc_band||Table 6, footnote 1|||
r3_5.auc_high|3.5|3|AUC band read as high predictive accuracy (lower edge)|0.9 and above||HCM vs CM|m12|serum_metabolites|auc_band||Table 6, footnote 1|||
r3_5.folate.p_0|3.5|3|enrichment p for folate biosynthesis at baseline|p = 0.02||HCM vs CM|m0|pathway_folate_biosynthesis|p_value||HCM vs CM at 0 m|not_verifiable||MetaboAnalyst output
r3_5.pentose.p_6|3.5|3|enrichment p for pentose and glucuronate interconversions at six months|p = 0.01||HCM vs CM|m6|pathway_pentose_glucuronate|p_value||HCM vs CM at 6 m|not_verifiable||MetaboAnalyst output
r3_5.steroid.p_12|3.5|3|enrichment p for steroid hormone biosynthesis at twelve months|p = 0.02||HCM vs CM|m12|pathway_steroid_hormone_biosynthesis|p_value||HCM vs CM at 12 m|not_verifiable||MetaboAnalyst output
r3_5.prion.p_12|3.5|3|enrichment p for prion diseases at twelve months|p = 0.035||HCM vs CM|m12|pathway_prion_diseases|p_value||HCM vs CM at 12 m|not_verifiable||MetaboAnalyst output
r3_5.glycerophospholipid.cm.p|3.5|3|enrichment p for glycerophospholipid metabolism in CM over time|p = 0.015||CM|m6;m12|pathway_glycerophospholipid|p_value||CM over time|not_verifiable||MetaboAnalyst output
r3_5.biotin.cm.p|3.5|3|enrichment p for biotin metabolism in CM over time|p = 0.03||CM|m6;m12|pathway_biotin|p_value||CM over time|not_verifiable||MetaboAnalyst output
r3_5.glycerophospholipid.hcm.p|3.5|3|enrichment p for glycerophospholipid metabolism in HCM over time|p = 0.015||HCM|m6;m12|pathway_glycerophospholipid|p_value||HCM over time|not_verifiable||MetaboAnalyst output; the same p as in CM
r3_5.folate.hcm.p|3.5|3|enrichment p for folate biosynthesis in HCM over time|p = 0.03||HCM|m6;m12|pathway_folate_biosynthesis|p_value||HCM over time|not_verifiable||MetaboAnalyst output
r3_5.arachidonic.hcm.p|3.5|3|enrichment p bound for arachidonic acid metabolism in HCM over time|p < 0.01||HCM|m6;m12|pathway_arachidonic_acid|p_value||HCM over time|not_verifiable||MetaboAnalyst output
r3_6.cv_rounds|3.6|1|rounds of cross-validation for PLS-DA|seven|rounds|all||pls_da|design|||||
r3_6.permutations|3.6|1|replications of the permutation test of PLS-DA|200|permutations|all||pls_da|design|||||
r3_6.n_total|3.6|2|differential fecal metabolites over all visits|143|metabolites|HCM vs CM|m0;m6;m12|fecal_metabolites|count||all visits|list_count|r3_6.n_up;r3_6.n_down;r3_6.n_6;r3_6.n_12|100 + 43 = 143, but 74 + 43 = 117 over the two follow-ups: 26 would be at baseline, which is not reported
r3_6.n_up|3.6|2|of those, higher in HCM|100|metabolites|HCM vs CM|m0;m6;m12|fecal_metabolites|count|up|all visits|list_count|r3_6.n_6_up;r3_6.n_12_up|
r3_6.n_down|3.6|2|of those, lower in HCM|43|metabolites|HCM vs CM|m0;m6;m12|fecal_metabolites|count|down|all visits|list_count|r3_6.n_6_down;r3_6.n_12_down|
r3_6.n_6|3.6|2|differential fecal metabolites at six months|74|metabolites|HCM vs CM|m6|fecal_metabolites|count||6 m|list_count|r3_6.n_6_up;r3_6.n_6_down|
r3_6.n_6_up|3.6|2|of those, higher in HCM|47|metabolites|HCM vs CM|m6|fecal_metabolites|count|up|6 m|not_verifiable||Figure 6C only
r3_6.n_6_down|3.6|2|of those, lower in HCM|27|metabolites|HCM vs CM|m6|fecal_metabolites|count|down|6 m|not_verifiable||Figure 6C only
r3_6.n_12|3.6|2|differential fecal metabolites at twelve months|43|metabolites|HCM vs CM|m12|fecal_metabolites|count||12 m|list_count|r3_6.n_12_up;r3_6.n_12_down|
r3_6.n_12_up|3.6|2|of those, higher in HCM|27|metabolites|HCM vs CM|m12|fecal_metabolites|count|up|12 m|not_verifiable||Figure 6D only
r3_6.n_12_down|3.6|2|of those, lower in HCM|16|metabolites|HCM vs CM|m12|fecal_metabolites|count|down|12 m|not_verifiable||Figure 6D only
r3_6.pathway_fc_up|3.6|3|fold-change cut-off (increase) for fecal pathway enrichment|FC > 1.2||HCM vs CM||metabolomics|threshold|||||
r3_6.pathway_fc_down|3.6|3|fold-change cut-off (decrease) for fecal pathway enrichment|FC < 0.833||HCM vs CM||metabolomics|threshold|||||
r3_6.pathway_impact|3.6|3|pathway impact cut-off for fecal enrichment|Pathway impact > 0.1||HCM vs CM||metabolomics|threshold|||||
r3_6.pathway_p|3.6|3|pathway p cut-off for fecal enrichment|p < 0.05||HCM vs CM||metabolomics|threshold|||||
r3_6.caffeine.p_6|3.6|3|enrichment p for caffeine metabolism at six months|p = 0.004||HCM vs CM|m6|pathway_caffeine|p_value||HCM vs CM at 6 m|not_verifiable||MetaboAnalyst output
r3_6.mineral.p_6|3.6|3|enrichment p for mineral absorption at six months|p = 0.011||HCM vs CM|m6|pathway_mineral_absorption|p_value||HCM vs CM at 6 m|not_verifiable||MetaboAnalyst output
r3_6.carbon.p_6|3.6|3|enrichment p for central carbon metabolism in cancer at six months|p = 0.015||HCM vs CM|m6|pathway_central_carbon_cancer|p_value||HCM vs CM at 6 m|not_verifiable||MetaboAnalyst output
r3_6.metabolic.p_6|3.6|3|enrichment p for metabolic pathways at six months|p = 0.018||HCM vs CM|m6|pathway_metabolic_pathways|p_value||HCM vs CM at 6 m|not_verifiable||MetaboAnalyst output
r3_6.glycerophospholipid.p_6|3.6|3|enrichment p for glycerophospholipid metabolism at six months|p = 0.030||HCM vs CM|m6|pathway_glycerophospholipid|p_value||HCM vs CM at 6 m|not_verifiable||MetaboAnalyst output
r3_6.amino_acids.p_6|3.6|3|enrichment p for amino acid biosynthesis at six months|p = 0.037||HCM vs CM|m6|pathway_amino_acid_biosynthesis|p_value||HCM vs CM at 6 m|not_verifiable||MetaboAnalyst output
r3_7.visit|3.7|1|visit chosen for the joint analysis|12 months|month|all|m12|joint_analysis|timepoint|||||
r3_7.l1_4.faecalibacterium.p|3.7|1|Spearman p of spine BMD with Faecalibacterium|p = 0.016||all|m12|l1_4_bmd|correlation_p|positive|both arms at 12 m|not_verifiable||needs participant data
r3_7.l1_4.adenine.p|3.7|1|Spearman p of spine BMD with adenine|p = 0.04||all|m12|l1_4_bmd|correlation_p|positive|both arms at 12 m|not_verifiable||needs participant data
r3_7.calcium.fusicatenibacter.p|3.7|1|Spearman p of serum calcium with Fusicatenibacter|p < 0.001||all|m12|calcium|correlation_p|positive|both arms at 12 m|not_verifiable||needs participant data
r3_7.ohd.sutterella.p|3.7|1|Spearman p of 25(OH)D with Sutterella|p = 0.028||all|m12|ohd_25|correlation_p|negative|both arms at 12 m|not_verifiable||needs participant data
r3_7.tracp.glucarate.p|3.7|1|Spearman p of TRACP-5b with D-glucarate|p = 0.026||all|m12|tracp_5b|correlation_p|negative|both arms at 12 m|not_verifiable||needs participant data
r3_7.tracp.cysteine.p|3.7|1|Spearman p of TRACP-5b with L-cysteine|p = 0.023||all|m12|tracp_5b|correlation_p|positive|both arms at 12 m|not_verifiable||needs participant data
r3_7.prevotella.naringenin.p|3.7|1|Spearman p of Prevotella_9 with naringenin|p = 0.022||all|m12|prevotella_9|correlation_p|positive|both arms at 12 m|not_verifiable||needs participant data
r3_7.subdoligranulum.corticosterone.p|3.7|1|Spearman p of Subdoligranulum with corticosterone|p = 0.025||all|m12|subdoligranulum|correlation_p|negative|both arms at 12 m|not_verifiable||needs participant data
r3_7.sutterella.glucarate.p|3.7|1|Spearman p of Sutterella with D-glucarate|p = 0.012||all|m12|sutterella|correlation_p|negative|both arms at 12 m|not_verifiable||needs participant data
r3_7.sutterella.dephospho_coa.p|3.7|1|Spearman p of Sutterella with 3-dephospho-CoA|p = 0.013||all|m12|sutterella|correlation_p|positive|both arms at 12 m|not_verifiable||needs participant data
r3_7.sutterella.adenine.p|3.7|1|Spearman p of Sutterella with adenine|p = 0.011||all|m12|sutterella|correlation_p|positive|both arms at 12 m|not_verifiable||needs participant data
d4.volume|4|1|daily milk volume restated|400 mL/day|mL/day|all||milk_volume|dose|||||
d4.cited_spine_gain|4|1|spine BMD gain in a cited dairy trial|2.0%|%|other study|m12 vs m0|l1_4_bmd|percent_change|increase|a cited trial, not this one|ci_significance|d4.cited_ci_low;d4.cited_ci_high|a 95% CI of 0.5 to 3.5 excludes 0, yet the text calls the difference not significant
d4.cited_ci_level|4|1|confidence level of the cited interval|95%|%|other study||l1_4_bmd|confidence_level||a cited trial, not this one|||
d4.cited_ci_low|4|1|lower end of the cited interval|0.5|%|other study|m12 vs m0|l1_4_bmd|ci_lower||a cited trial, not this one|||
d4.cited_ci_high|4|1|upper end of the cited interval|3.5|%|other study|m12 vs m0|l1_4_bmd|ci_upper||a cited trial, not this one|||
d4.ohd_adequate|4|2|25(OH)D level the guidelines call adequate|≥20|ng/mL|all||ohd_25|threshold||guideline cut-off|same_quantity|r3_3.ohd.normal_min|Table 4 footnote 1 uses the same cut-off for "normal"
d4.ohd_ideal|4|2|25(OH)D level the guidelines call ideal|≥30|ng/mL|all||ohd_25|threshold||guideline cut-off|threshold|t3.ohd_25.hcm.m6;t3.ohd_25.hcm.m12;t3.ohd_25.cm.m6;t3.ohd_25.cm.m12|text: the HCM mean came closer to the ideal level; both stay below it
d4.age_mean|4|7|mean age of all completers restated|61.2|years|all|m0|age|mean||both arms pooled|same_quantity|r3_1.age_mean|
d4.age_sd|4|7|SD of age of all completers restated|4.90|years|all|m0|age|sd||both arms pooled|same_quantity|r3_1.age_sd|
d4.volume_2|4|7|daily milk volume restated in the summary|400 mL/day|mL/day|all||milk_volume|dose|||||
d4.cups|4|7|cups a day that volume is said to be|two|cups/day|all||milk_volume|dose|||||
"""
"""Every number stated in the prose, in our words, with the value as printed."""
