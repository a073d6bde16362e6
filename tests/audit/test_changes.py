"""Tests for milkbone.audit.changes: Percent changes and ratios.

Independent references are named in each test (scipy.stats, statsmodels, brute-force
enumeration, hand-worked arithmetic, published worked cases, and the paper's printed
values: Zhao et al. 2025).
"""

import pandas as pd
import pytest

from milkbone import audit


def verdicts(result: pd.DataFrame) -> list[str]:
    return result["verdict"].tolist()


class TestPercentChange:
    @pytest.mark.parametrize(
        ("before", "after", "printed", "absolute"),
        [
            # §3.3 against Table 3: AST HCM 20.61 → 24.00 (+16.45%), 24.00 → 19.53 (−18.63%),
            # CM 27.04 → 22.39 (−17.20%); calcium HCM 2.35 → 2.45 (+4.26%), CM 2.34 → 2.43
            # (+3.85%); 25(OH)D HCM 15.64 → 24.20 (+54.73%), CM 15.26 → 18.86 (+23.59%).
            ("20.61", "24.00", "16.4", False),
            ("24.00", "19.53", "18.6", True),
            ("27.04", "22.39", "17.2", True),
            ("2.35", "2.45", "4.3", False),
            ("2.34", "2.43", "3.8", False),
            ("15.64", "24.20", "54.7", False),
            ("15.26", "18.86", "23.6", False),
        ],
    )
    def test_section_3_3(self, before, after, printed, absolute):
        res = audit.check_percent_change(
            before=before, after=after, printed=printed, absolute=absolute
        )
        assert verdicts(res) == ["consistent"]

    def test_by_hand_and_discrepancy(self):
        # 100·(24.00 − 20.61)/20.61 = 16.448; range [100·(23.995/20.615 − 1),
        # 100·(24.005/20.605 − 1)] = [16.396, 16.501]
        res = audit.check_percent_change(before="20.61", after="24.00", printed="16.9")
        assert res.loc[0, "recomputed"] == pytest.approx(16.448, abs=1e-3)
        assert res.loc[0, "recomputed_low"] == pytest.approx(16.396, abs=1e-3)
        assert res.loc[0, "recomputed_high"] == pytest.approx(16.501, abs=1e-3)
        assert verdicts(res) == ["discrepancy"]

    def test_sign(self):
        # −18.6 printed as a signed change is consistent without absolute=True
        res = audit.check_percent_change(before="24.00", after="19.53", printed="−18.6")
        assert verdicts(res) == ["consistent"]
        res = audit.check_percent_change(before="24.00", after="19.53", printed="18.6")
        assert verdicts(res) == ["discrepancy"]

    def test_error(self):
        with pytest.raises(ValueError, match=r"before must be non-zero \(its rounding interval"):
            audit.check_percent_change(before="0.00", after="1.0", printed="5")


class TestRatio:
    def test_firmicutes_bacteroidetes(self):
        # §3.4 F/B ratios vs the abundances printed for Figure 4A,B:
        # HCM 0 m 0.369/0.438 = 0.8425 (printed 0.843); CM 0 m 0.335/0.522 = 0.6418 (0.641);
        # HCM 6 m 0.357/0.450 = 0.7933 (printed 0.769); CM 6 m 0.296/0.391 = 0.7570 (0.916).
        cases = [
            ("0.369", "0.438", "0.843", "consistent", 0.8425),
            ("0.335", "0.522", "0.641", "consistent", 0.6418),
            ("0.357", "0.450", "0.769", "discrepancy", 0.7933),
            ("0.296", "0.391", "0.916", "discrepancy", 0.7570),
        ]
        for num, den, printed, verdict, value in cases:
            res = audit.check_ratio(numerator=num, denominator=den, printed=printed)
            assert res.loc[0, "recomputed"] == pytest.approx(value, abs=1e-4)
            assert verdicts(res) == [verdict]
        # corrected value passes
        res = audit.check_ratio(numerator="0.357", denominator="0.450", printed="0.793")
        assert verdicts(res) == ["consistent"]

    def test_error(self):
        with pytest.raises(ValueError, match="denominator must be non-zero"):
            audit.check_ratio(numerator="1", denominator="0.0", printed="1")
