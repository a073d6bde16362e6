"""The typed part of the transcription: printed labels → slugs, units and column names.

Cell texts are copied from the paper; what is typed by hand is the interpretation,
kept here: slugs of measures and nutrients, labels as the book shows them, the
printed column headings of Tables 5 and 6, and the Table 4 category definitions.
"""

from __future__ import annotations

__all__ = [
    "MEASURES",
    "MEASURE_LABELS",
    "NUTRIENTS",
    "T4_DEFINITIONS",
    "T5_COLUMNS",
    "T5_LABELS",
    "T6_COLUMNS",
    "T6_LABELS",
    "UPPER_HALF",
]

MEASURES = {  # printed label (Tables 2 and 3) -> slug
    "Age, years": "age",
    "Height, cm": "height",
    "Weight, kg": "weight",
    "BMI, kg/m2": "bmi",
    "Duration of menopause": "menopause_duration",
    "L1-4BMD, g/cm2": "l1_4_bmd",
    "Left femoral neck, g/cm2": "left_femoral_neck_bmd",
    "Left hip, g/cm2": "left_hip_bmd",
    "Right femoral neck, g/cm2": "right_femoral_neck_bmd",
    "Right hip, g/cm2": "right_hip_bmd",
    "AST, U/L": "ast",
    "Calcium, mmol/L": "calcium",
    "25(OH)D, ng/mL": "ohd_25",
    "TRACP-5b, U/L": "tracp_5b",
    "ALP, U/L": "alp",
    "P, mmol/L": "phosphorus",
    "Phosphorus, mmol/L": "phosphorus",
    "CTX, ng/mL": "ctx",
    "PINP, ng/mL": "pinp",
    "OC, ng/mL": "oc",
    "IGF-1, ng/mL": "igf_1",
}
MEASURE_LABELS = {
    "age": ("Age", "years"),
    "height": ("Height", "cm"),
    "weight": ("Weight", "kg"),
    "bmi": ("BMI", "kg/m2"),
    "menopause_duration": ("Duration of menopause", ""),
    "l1_4_bmd": ("L1–4 BMD", "g/cm2"),
    "left_femoral_neck_bmd": ("Left femoral neck BMD", "g/cm2"),
    "left_hip_bmd": ("Left hip BMD", "g/cm2"),
    "right_femoral_neck_bmd": ("Right femoral neck BMD", "g/cm2"),
    "right_hip_bmd": ("Right hip BMD", "g/cm2"),
    "ast": ("AST", "U/L"),
    "calcium": ("Calcium", "mmol/L"),
    "ohd_25": ("25(OH)D", "ng/mL"),
    "tracp_5b": ("TRACP-5b", "U/L"),
    "alp": ("ALP", "U/L"),
    "phosphorus": ("Phosphorus", "mmol/L"),
    "ctx": ("CTX", "ng/mL"),
    "pinp": ("PINP", "ng/mL"),
    "oc": ("OC", "ng/mL"),
    "igf_1": ("IGF-1", "ng/mL"),
}
UPPER_HALF = ("ast", "calcium", "ohd_25", "tracp_5b")  # Table 3 rows whose SDs carry marks
NUTRIENTS = {
    "Energy, kJ": ("energy", "kJ"),
    "Protein, g": ("protein", "g"),
    "Fat, g": ("fat", "g"),
    "Carbohydrates, g": ("carbohydrates", "g"),
    "Sodium, mg": ("sodium", "mg"),
    "Vitamin D, μg": ("vitamin_d", "μg"),
    "Calcium, mg": ("calcium", "mg"),
    "Casein phosphopeptide, mg": ("casein_phosphopeptide", "mg"),
}
T5_COLUMNS = ("number", "name", "phase", "rt", "mz", "vip", "p", "fc", "variation")
T5_LABELS = ("Number", "Metabolite name", "Phase", "RT/min", "m/z", "VIP", "P", "FC", "Variation")
T6_COLUMNS = ("name", "kegg", "m0", "m12", "auc")
T6_LABELS = ("Metabolite name", "Kegg name", "0\u202fm", "12\u202fm", "AUC1")

T4_DEFINITIONS = {
    "normal": "25(OH)D ≥ 20 ng/mL (footnote 1)",
    "insufficient": "12 < 25(OH)D < 20 ng/mL (footnote 2)",
    "deficient": "25(OH)D < 12 ng/mL (footnote 3)",
}
