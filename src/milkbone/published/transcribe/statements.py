# ruff: noqa: E501  (one statement or fact per line: these tables are data)
"""What the Abstract and the Discussion claim, and the facts the paper states in two places.

:data:`STATEMENT_TABLE` (``statements.csv``) breaks each sentence of the Abstract, of the
concluding paragraph (§4, paragraph 7) and each Discussion sentence that restates a
result into claims, in our words, each with the fragment it rests on as printed and
the Results rows (claim ids of the registry) that bear on it; an empty ``rests_on``
says that no result of the paper does. Columns: ``sentence_id | slug | quantity |
printed | timepoint | rests_on | compare | check_note``. ``timepoint`` is the visit
the sentence states (the audit compares it with the visits of ``rests_on``);
``compare`` lists printed numbers the words need: ``A > B`` / ``A < B`` (means or values
by id) or ``rise:ID`` / ``fall:ID`` (a printed change must go that way).

:data:`FACT_TABLE` (``facts.csv``) lists facts printed in several places: ``fact |
kind | sentence_id | printed | value | check_note``; ``kind`` is ``same`` (every
``value`` must be equal) or ``bounds`` (intervals that must tile the range without
gap or overlap) or ``count`` (a stated count and the list it counts, ``items``).
The durations of the trial (:func:`duration_rows`) and the counted lists
(:func:`count_rows`) are found by code. Every printed fragment is looked up in its
sentence.
"""

from __future__ import annotations

import re

from milkbone.published.transcribe.prose import WORDS

__all__ = [
    "FACT_COLUMNS",
    "FACT_TABLE",
    "STATEMENT_COLUMNS",
    "STATEMENT_TABLE",
    "count_rows",
    "duration_rows",
    "fact_rows",
    "statement_rows",
]

STATEMENT_COLUMNS = (
    "sentence_id",
    "slug",
    "quantity",
    "printed",
    "timepoint",
    "rests_on",
    "compare",
    "check_note",
)
FACT_COLUMNS = ("fact", "kind", "sentence_id", "printed", "value", "check_note")

_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_COUNTED_LIST = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|\d+)(?P<noun>(?: [a-z-]+){1,3}): "
    r"(?P<items>[^:;]+?)\.?$"
)

STATEMENT_TABLE = """
abstract.background.s1|risk|calcium lost after menopause raises the risk of osteoporosis|increases osteoporosis risk||||background from the literature: no result of this trial bears on it
abstract.background.s2|gap|few studies have asked what dairy does for osteoporosis in these women|limited research addresses||||background from the literature: no result of this trial bears on it
abstract.methods.s1|design|a one-year randomised trial of 97 women, 51 on fortified and 46 on regular milk, 400 mL a day|recruited 97 postmenopausal women||a.n_total;a.n_hcm;a.n_cm;f.trial_duration;f.daily_volume||the 97 are the completers; §2.1 enrolled 104
abstract.results.s1|l1_4_bmd|fortified milk raised spine BMD more than regular milk, significantly|significantly increased lumbar spine bone mineral density|m6|r3_2.l1_4.between.p_6||follow-up BMD means are in Figure 2A only; the arms differed at baseline (Table 2)
abstract.results.s1|left_hip|fortified milk slowed bone loss at the left hip|slowed bone loss in the left hip|m6|r3_2.left_hip.hcm.pct_6;r3_2.left_hip.cm.pct_6|rise:r3_2.left_hip.hcm.pct_6;fall:r3_2.left_hip.cm.pct_6|no between-arm test of the hip is reported
abstract.results.s1|femoral_neck|fortified milk slowed bone loss at the femoral neck|femoral neck|m6|r3_2.left_fn.hcm.pct_6;r3_2.left_fn.cm.pct_6|fall:r3_2.left_fn.cm.pct_6|§3.2: both arms gained femoral-neck BMD over the first six months
abstract.results.s1|phosphorus|serum phosphorus higher with fortified than with regular milk|elevated serum phosphorus|m6|t3.phosphorus.between.m6|t3.phosphorus.hcm.m6 > t3.phosphorus.cm.m6|the HCM mean is the same at 0 and 6 m; the arms differ because CM fell
abstract.results.s1|ohd_25|serum 25(OH)D higher with fortified than with regular milk|25-hydroxyvitamin D levels|m6|t3.ohd_25.between.m6|t3.ohd_25.hcm.m6 > t3.ohd_25.cm.m6|
abstract.results.s1|pinp|fortified milk changed the bone-formation marker PINP relative to regular milk|modulated the bone formation marker|m6|t3.pinp.between.m6|t3.pinp.hcm.m6 < t3.pinp.cm.m6|"modulated" names no direction; HCM's mean is the lower
abstract.results.s2|beta_diversity|fortified milk changed the structure of the gut community (β-diversity)|significantly altered the β-diversity|m12|r3_4.beta_p||§3.4 reports the separation at six months, not twelve
abstract.results.s2|more_abundant|Bacteroides, Oscillibacter and Subdoligranulum more abundant with fortified milk|increasing the abundance of beneficial bacteria|m12|r3_4.bacteroides.p_6;r3_4.oscillibacter.p_6;r3_4.subdoligranulum.p_12||§3.4 compares the arms at one visit each: Bacteroides and Oscillibacter at six months
abstract.results.s2|less_abundant|Firmicutes and Weissella less abundant with fortified milk|decreasing the abundance of Firmicutes and Weissella|m12|r3_4.firmicutes.p_6;r3_4.weissella.p_6|r3_4.firmicutes.hcm.mean_6 < r3_4.firmicutes.cm.mean_6|§3.4: Firmicutes fell in both arms, less in HCM; Weissella was lower in HCM at six months
abstract.results.s3|pathways|the fortified milk acted through steroid hormone biosynthesis and arachidonic acid metabolism|modulating steroid hormone biosynthesis and arachidonic acid metabolic pathways||r3_5.steroid.p_12;r3_5.arachidonic.hcm.p||enrichment p-values from MetaboAnalyst
abstract.results.s3|bone_quality|fortified milk improved bone quality through those pathways|improved bone quality||||no measure of bone quality is analysed with the pathways: the link is an interpretation
abstract.results.s3|correlations|spine BMD rose with Faecalibacterium and adenine|positively correlated with Faecalibacterium spp. and adenine nucleotide|m12|r3_7.l1_4.faecalibacterium.p;r3_7.l1_4.adenine.p||§3.7 names adenine, a base, not a nucleotide
abstract.conclusions.s1|delay_osteoporosis|fortified milk can delay osteoporosis after menopause|can effectively delay postmenopausal osteoporosis||||no osteoporosis diagnosis or fracture is counted in the Results
abstract.conclusions.s1|through_gut|it does so through the gut flora and metabolic pathways|by regulating intestinal flora and metabolic pathways||r3_4.beta_p;r3_5.steroid.p_12;r3_5.arachidonic.hcm.p||associations only: no analysis links the flora or pathways to the bone results
abstract.registry.s1|registry|the trial's registration number|ChiCTR2200064825||f.registry_number||
s4.p1.s9|both_milks|adding either milk improved bone density|improved health and bone density||r3_2.l1_4.hcm.p_6;r3_2.l1_4.cm.p_6||within-arm tests; "health" is not measured
s4.p1.s9|more_effective|fortified milk raised spine BMD and protected the left hip and femoral neck better|being more effective at increasing lumbar spine BMD||r3_2.l1_4.between.p_6;r3_2.l1_4.between.p_12||
s4.p1.s17|all_sites|bone density rose at every site in the first six months|resulting in increased bone density at all sites||q3_2.all_sites||§3.2 reports no significant change at the right femoral neck and a fall at the right hip
s4.p1.s18|plateau|bone density stopped rising after six months|bone density did not continue to increase significantly||r3_2.left_fn.hcm.pct_6_12|fall:r3_2.left_fn.hcm.pct_6_12|
s4.p2.s3|calcium_both|serum calcium rose significantly in both arms by six months|significant increase in blood calcium levels|m6|r3_3.calcium.hcm.p_6;r3_3.calcium.cm.p_6|rise:r3_3.calcium.hcm.pct_6;rise:r3_3.calcium.cm.pct_6|
s4.p2.s3|vitamin_d_categories|fortified milk improved vitamin D deficiency more than regular milk|significantly improved vitamin D deficiency||t4.z.m6;t4.z.m12;t3.ohd_25.between.m6||
s4.p2.s5|closer_ideal|25(OH)D came closer to the ideal level with fortified milk|closer to the ideal level|m6|d4.ohd_ideal|t3.ohd_25.hcm.m6 > t3.ohd_25.cm.m6|
s4.p2.s5|absorption_fracture|fortified milk promoted calcium absorption, reduced bone loss and lowered fracture risk|promoted calcium absorption||||neither calcium absorption nor fractures are measured
s4.p2.s6|cm_limited|regular milk did little for vitamin D|the enhancement effect of the regular milk group was limited||q3_3.ohd_cm_12_not_significant||
s4.p3.s2|beta_diversity|fortified milk changed the structure of the gut community|significantly affected the β-diversity||r3_4.beta_p||
s4.p3.s3|genera|several genera became more abundant with fortified milk at six and twelve months|significant increase in the abundance of several genera||r3_4.bacteroides.p_6;r3_4.oscillibacter.p_6;r3_4.gca_900066575.p_6;r3_4.sellimonas.p_6;r3_4.subdoligranulum.p_12;r3_4.fusicatenibacter.p_12;r3_4.achromobacter.p_12||§3.4 compares the arms at each visit; it reports no increase over time
s4.p3.s4|faecalibacterium|spine BMD correlated positively with Faecalibacterium|Faecalibacterium|m12|r3_7.l1_4.faecalibacterium.p||
s4.p3.s4|clostridium|spine BMD correlated positively with Clostridium pellucidum|Clostridium pellucidum||||the Results report no correlation with C. pellucidum
s4.p4.s1|pathways|fortified milk acts through steroid hormone, amino acid and glycerophospholipid pathways|may improve bone quality||r3_5.steroid.p_12;r3_6.amino_acids.p_6;r3_6.glycerophospholipid.p_6;r3_5.glycerophospholipid.hcm.p||
s4.p4.s2|adenine|spine BMD correlated positively with adenine|positive correlation between L1–4BMD and adenine|m12|r3_7.l1_4.adenine.p||
s4.p4.s15|arachidonic|the effect relates to arachidonic acid metabolism|arachidonic acid metabolism pathway||r3_5.arachidonic.hcm.p||
s4.p5.s2|hcm_changes|serum calcium, vitamin D, AST, TRACP-5b and PINP changed significantly in HCM|revealed significant changes in serum calcium and vitamin D levels||r3_3.calcium.hcm.p_6;r3_3.ohd.hcm.p_6;r3_3.ast.hcm.p_6;r3_3.tracp.hcm.p_6;t3.pinp.hcm.p_within||within-arm tests; AST is a liver enzyme, not a bone marker
s4.p5.s3|correlation|BMD correlates with gut flora and metabolites|a significant correlation exists between BMD||r3_7.l1_4.faecalibacterium.p;r3_7.l1_4.adenine.p||
s4.p7.s1|age|the women's mean age|61.2||d4.age_mean;d4.age_sd||
s4.p7.s1|dose|400 mL of milk a day, about two cups|400 mL/day||f.daily_volume||
s4.p7.s1|spine_bmd|fortified milk raised spine BMD|effectively increased lumbar spine BMD||r3_2.l1_4.between.p_6;r3_2.l1_4.between.p_12||
s4.p7.s1|left_hip|fortified milk halted or slowed bone loss at the left hip|halted or slowed bone loss in the left hip||r3_2.left_hip.hcm.pct_12;r3_2.left_hip.cm.pct_12|rise:r3_2.left_hip.hcm.pct_12;fall:r3_2.left_hip.cm.pct_12|no between-arm test of the hip is reported
s4.p7.s1|left_femoral_neck|fortified milk halted or slowed bone loss at the left femoral neck|left femoral neck||r3_2.left_fn.hcm.pct_6_12;r3_2.left_fn.cm.pct_6_12|fall:r3_2.left_fn.hcm.pct_6_12|HCM's femoral neck also fell from six to twelve months
s4.p7.s1|vitamin_d|fortified milk raised vitamin D|raised vitamin D||t3.ohd_25.between.m6;t3.ohd_25.between.m12|t3.ohd_25.hcm.m6 > t3.ohd_25.cm.m6;t3.ohd_25.hcm.m12 > t3.ohd_25.cm.m12|
s4.p7.s1|phosphorus|fortified milk raised phosphorus|phosphorus levels||q4.phosphorus_raised||
s4.p7.s2|markers|fortified milk changed the bone-formation markers|modulated bone formation markers||t3.pinp.between.m6||
s4.p7.s2|gut_flora|fortified milk changed the gut flora|gut flora||r3_4.beta_p||
s4.p7.s2|bone_density_link|the supplement is linked to better bone density|has been linked to improved bone density||r3_7.l1_4.faecalibacterium.p;r3_7.l1_4.adenine.p||correlations in both arms pooled
s4.p7.s3|targets|steroid hormone and arachidonic acid pathways are targets for treatment|may represent potential targets||r3_5.steroid.p_12;r3_5.arachidonic.hcm.p||the steroid pathway comes from the serum, not the gut
s4.p7.s4|tolerated|the milk was well tolerated, without more dietary fat or weight gain|well-tolerated||||no adverse events, dietary intake or follow-up weight are reported
s4.p7.s5|cost|fortified milk is a cheap, sound way to lessen the burden of osteoporosis|cost-effective approach||||no cost is measured
s4.p7.s6|future|what future studies should do|Future studies should||||a recommendation, not a result
"""
"""Claims of the Abstract and the Discussion, each with the results it rests on."""

FACT_TABLE = """
daily_volume|same|abstract.methods.s1|consuming 400 mL nutrient-enriched fresh milk daily|400 mL/day|
daily_volume|same|abstract.methods.s1|consuming 400 mL of regular fresh milk|400 mL/day|the Abstract does not say "daily" for the control milk
daily_volume|same|s2_2.p2.s1|totaling 400 mL daily|400 mL/day|
daily_volume|same|s2_2.p3.s1|totaling 400 mL daily|400 mL/day|
daily_volume|same|s4.p1.s9|adding 400 mL/day|400 mL/day|
daily_volume|same|s4.p7.s1|400 mL/day|400 mL/day|
examination_visits|same|s2_3.p1.s2|three time points: pre-intervention (baseline), 6 months, and 12 months|0;6;12|
examination_visits|same|s2_3_1.p1.s1|at pre-intervention (baseline), 6 months, and 12 months|0;6;12|anthropometry
examination_visits|same|s2_3_2.p1.s1|at pre-intervention (baseline), 6 months, and 12 months|0;6;12|blood samples
examination_visits|same|s2_4.p1.s1|three time points: pre-intervention (baseline), 6 months, and 12 months|0;6;12|fecal samples
diet_assessment|same|s2_2.p4.s3|assessed at baseline, 6, and 12 months|0;6;12|
diet_assessment|same|s4.p6.s7|assessed at baseline and during monthly follow-ups|0;monthly|
adherence_contact|same|s2_2.p4.s4|questionnaires were collected every 3 months|every 3 months|
adherence_contact|same|s4.p6.s7|monthly follow-ups|every month|
registry_number|same|abstract.registry.s1|ChiCTR2200064825|ChiCTR2200064825|
registry_number|same|s2_1.p1.s7|approval number: ChiCTR2200064825|ChiCTR2200064825|§2.1 calls it an approval number
fc_cutoff|same|s2_4.p3.s9|FC ≥ 2 or FC ≤ 0.5|≥2;≤0.5|Methods
fc_cutoff|same|s3_5.p1.s1|FC > 1.2, or FC < 0.833|>1.2;<0.833|serum metabolites
fc_cutoff|same|s3_5.p3.s1|FC > 1.2 or FC < 0.833|>1.2;<0.833|serum pathways
fc_cutoff|same|s3_6.p3.s1|FC > 1.2 or FC < 0.833|>1.2;<0.833|fecal pathways
vip_cutoff|same|s2_4.p3.s9|VIP > 1|>1|
vip_cutoff|same|s3_5.p1.s1|VIP > 1.0|>1|
p_cutoff|same|s2_4.p2.s9|A p-value <0.05|<0.05|16S
p_cutoff|same|s2_4.p3.s9|p < 0.05|<0.05|metabolome
p_cutoff|same|s2_5.p1.s8|p < 0.05|<0.05|clinical
p_cutoff|same|s3_5.p1.s1|p < 0.05|<0.05|serum metabolites
p_cutoff|same|s3_5.p3.s2|p < 0.05|<0.05|serum pathways
sequencing_region|same|s2_4.p2.s2|V3–V4 region|V3–V4|
sequencing_region|same|s3_4.p1.s1|V3–V4 region|V3–V4|
ohd_categories|bounds|table4.footnote.s1|25(OH)D ≥ 20 ng/mL|[20,inf)|normal
ohd_categories|bounds|table4.footnote.s2|12 < 25(OH)D < 20 ng/mL|(12,20)|insufficient
ohd_categories|bounds|table4.footnote.s3|25(OH)D < 12 ng/mL|[0,12)|deficient
auc_bands|bounds|table6.footnote.s2|0.5–0.7|[0.5,0.7]|less predictive power
auc_bands|bounds|table6.footnote.s2|0.7–0.9|[0.7,0.9]|some predictive accuracy
auc_bands|bounds|table6.footnote.s2|0.9 and above|[0.9,1]|high predictive accuracy
"""
"""Facts printed in more than one place, or category bounds that must tile a range."""

_DURATION = re.compile(
    r"\b(?P<n>\d+|one|two)[- ](?P<unit>year|month)\b(?= (?:randomized|nutritional|follow-up))"
    r"|\bfor (?P<n2>\d+)[ \u202f](?P<unit2>month)s\b"
)


def _table(table: str, columns: tuple[str, ...]) -> list[dict]:
    return [
        dict(zip(columns, [f.strip() for f in raw.split("|")], strict=True))
        for raw in table.strip().splitlines()
    ]


def _locate(printed: str, sentence_id: str, texts: dict[str, str]) -> str:
    """``printed`` as it stands in the sentence (its spaces may be U+202F there)."""
    if sentence_id not in texts:
        raise ValueError(f"no sentence {sentence_id!r} in the paper")
    match = re.search(re.escape(printed).replace(r"\ ", "[ \u202f]"), texts[sentence_id])
    if match is None:
        raise ValueError(f"{printed!r} is not printed in sentence {sentence_id}")
    return match.group()


def statement_rows(texts: dict[str, str]) -> list[dict]:
    """``statements.csv``: :data:`STATEMENT_TABLE`, ``statement_id`` first, fragments located.

    Raises
    ------
    ValueError
        If a sentence does not exist, a fragment is not in its sentence, or an id repeats.
    """
    out = []
    for row in _table(STATEMENT_TABLE, STATEMENT_COLUMNS):
        row["printed"] = _locate(row["printed"], row["sentence_id"], texts)
        out.append({"statement_id": f"{row['sentence_id']}.{row['slug']}", **row})
    ids = [r["statement_id"] for r in out]
    if len(ids) != len(set(ids)):
        raise ValueError(f"statement ids repeat: {sorted({i for i in ids if ids.count(i) > 1})}")
    return out


def duration_rows(texts: dict[str, str]) -> list[dict]:
    """The trial's length wherever the paper states it, found by code.

    A duration is ``N-year``/``N-month`` before *randomized*, *nutritional* or
    *follow-up*, or ``for N months``; its ``value`` is in months. A trial the
    Discussion cites (*a 1-year clinical trial*) does not match.

    Examples
    --------
    >>> rows = duration_rows({"a.s1": "A one-year randomized trial.",
    ...                       "b.s1": "They ran a 1-year clinical trial."})
    >>> [(r["sentence_id"], r["printed"], r["value"]) for r in rows]
    [('a.s1', 'one-year', '12 months')]
    """
    out = []
    for sentence_id, text in texts.items():
        for match in _DURATION.finditer(text):
            n, unit = match["n"] or match["n2"], match["unit"] or match["unit2"]
            count = int(n) if n.isdigit() else WORDS.get(f"{n}-{unit}", WORDS.get(n))
            months = count * (12 if unit == "year" else 1)
            out.append(
                {
                    "fact": "trial_duration",
                    "kind": "same",
                    "sentence_id": sentence_id,
                    "printed": match.group(),
                    "value": f"{months} months",
                    "check_note": "found by code",
                }
            )
    return out


def _items(text: str) -> list[str]:
    """The items of a printed list: split at commas and "and"; "or X" joins the item before."""
    out: list[str] = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", text):
        part = part.strip()
        if part.startswith("or ") and out:
            out[-1] = f"{out[-1]}, {part}"
        elif part:
            out.append(part)
    return out


def count_rows(texts: dict[str, str]) -> list[dict]:
    """Counts stated before the list they count (``three time points: a, b, and c``).

    ``value`` is the stated count, ``items`` the listed items (``;``-separated).

    Examples
    --------
    >>> rows = count_rows({"x.s1": "Using three criteria: VIP > 1, FC > 2, or FC < 0.5, and p < 0.05."})
    >>> rows[0]["value"], rows[0]["items"]
    ('3', 'VIP > 1;FC > 2, or FC < 0.5;p < 0.05')
    """
    out = []
    for sentence_id, text in texts.items():
        for match in _COUNTED_LIST.finditer(text):
            n = match["n"]
            out.append(
                {
                    "fact": f"count_{sentence_id.replace('.', '_')}",
                    "kind": "count",
                    "sentence_id": sentence_id,
                    "printed": match.group().rstrip("."),
                    "value": str(_NUMBER_WORDS.get(n, n)),
                    "check_note": f"{match['noun'].strip()}, found by code",
                    "items": ";".join(_items(match["items"])),
                }
            )
    return out


def fact_rows(texts: dict[str, str]) -> list[dict]:
    """``facts.csv``: the trial's durations (:func:`duration_rows`), :data:`FACT_TABLE`,
    the counted lists (:func:`count_rows`).

    ``fact_id`` is ``f.<fact>.<k>`` (k from 1 within a fact).

    Raises
    ------
    ValueError
        If a sentence does not exist or a fragment is not printed in its sentence.
    """
    rows = duration_rows(texts) + _table(FACT_TABLE, FACT_COLUMNS) + count_rows(texts)
    out, seen = [], {}
    for row in rows:
        row["printed"] = _locate(row["printed"], row["sentence_id"], texts)
        seen[row["fact"]] = seen.get(row["fact"], 0) + 1
        fields = {column: row[column] for column in FACT_COLUMNS}
        fields["items"] = row.get("items", "")
        out.append({"fact_id": f"f.{row['fact']}.{seen[row['fact']]}", **fields})
    return out
