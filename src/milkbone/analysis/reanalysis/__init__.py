"""Re-analyses the paper did not do, computed only from the numbers it prints.

Three families of questions, each answered by small functions that take printed summaries
(scalars or a frame) and return a tidy frame with ``evidence = "recomputed"``:

1. ``levels`` and ``baseline``: how much of the arms' six-month difference in spine
   BMD was there at baseline (:func:`followup_levels`), and would the between-arm
   difference stay significant as a change from baseline or adjusted for it (ANCOVA)?
   Both need the within-participant correlation ρ of baseline and follow-up, which is
   not printed, so the answer is a curve in ρ (:func:`between_arm_by_rho`,
   :func:`between_arm_curves`, :func:`p_at_rho`, :func:`significance_crossings`);
   :func:`followup_difference_from_p` reads a difference back from a printed p.
2. ``implied``: the ρ implied by a within-arm paired p-value the paper prints, with the
   range allowed by rounding (:func:`rho_from_paired_p`, :func:`bmd_changes`,
   :func:`implied_rho`).
3. ``endpoints``: Holm and Benjamini–Hochberg adjustment of the printed between-arm
   p-values of the clinical endpoints (:func:`multiplicity`,
   :func:`clinical_between_arm_p`), and :func:`bmd_power`, the smallest standardised
   and absolute difference the trial could detect per BMD site, and its power for the
   effects it reports.

The formulas are stated in each Notes section; they are the standard large-sample
approximations for summary data (Senn, *Statistical Issues in Drug Development*, 2nd
ed., 2007, §7.2; Vickers & Altman, *BMJ* 2001;323:1123).
"""

from milkbone.analysis.reanalysis.baseline import (
    between_arm_by_rho,
    between_arm_curves,
    followup_difference_from_p,
    p_at_rho,
    significance_crossings,
)
from milkbone.analysis.reanalysis.endpoints import bmd_power, clinical_between_arm_p, multiplicity
from milkbone.analysis.reanalysis.implied import bmd_changes, implied_rho, rho_from_paired_p
from milkbone.analysis.reanalysis.levels import followup_levels

__all__ = [
    "between_arm_by_rho",
    "between_arm_curves",
    "bmd_changes",
    "bmd_power",
    "clinical_between_arm_p",
    "followup_difference_from_p",
    "followup_levels",
    "implied_rho",
    "multiplicity",
    "p_at_rho",
    "rho_from_paired_p",
    "significance_crossings",
]
