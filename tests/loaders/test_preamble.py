"""Preamble fields found by keyword: one per line, run together, lower case."""

from __future__ import annotations

import pytest

from loaders.header.preamble import MAX_REF, split_preamble

ANKARA_348 = """C o n f i d e n t i a l section 01 of 04 ankara 000348

Sipdis

E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m. Erdogan goes \
to washington: how strong a leader in the face of strong challenges?

(U) Classified by Ambassador Eric Edelman; reasons: 1.5 (b,d).

¶1. (C) Summary: P.M. Erdogan expects Washington to focus on Cyprus.
"""

STATE_50524 = """S E C R E T STATE 050524

NOFORN

EO 12958 DECL: 05/05/2018
TAGS PARM, PREL

SUBJECT: CHINA CONVENTIONAL ARMS TRANSFERS TO IRAN

REF: A. STATE 162318
¶B. STATE 109649
¶L. BEIJING 7212  M. BEIJING 7387

Classified By: CLASSIFIED BY ISN ACTING DAS ELIOT KANG FOR REASONS 1.4 (B) AND (D).

 ¶1. (U) This is an action request. Embassy Beijing, please see paragraph 2.
"""

STOCKHOLM_194 = """S E C R E T STOCKHOLM 000194

SIPDIS  S/CT SHARRI R. CLARK

E.O. 12958:  DECL: 03/20/2019 TAG PTER, PGOV, ASEC, EFIN, ENRG, KCIP, SW

SUBJECT:  SWEDEN: CI/KR RESPONSE FOR S/CT

REF: SECSTATE 15113

Classified By: CDA Robert Silverman for reasons: 1/4 (B), (D), (E), and (G)

1. (S) text
"""


def test_fields_run_together_in_lower_case() -> None:
    p = split_preamble(ANKARA_348)
    assert p.decl == "decl: 01/07/2014"
    assert p.tags == "prel, pgov, pins, tu"
    assert p.subject is not None and p.subject.startswith("turkish p.m. Erdogan goes to washington")
    assert p.classified_by is not None and "Eric Edelman" in p.classified_by
    assert p.ref is None


def test_fields_on_their_own_lines() -> None:
    p = split_preamble(STATE_50524)
    assert p.tags == "PARM, PREL"
    assert p.subject == "CHINA CONVENTIONAL ARMS TRANSFERS TO IRAN"
    assert p.ref is not None and p.ref.startswith("A. STATE 162318")
    assert p.ref.endswith("M. BEIJING 7387")
    assert "NOFORN" in p.head


def test_tag_without_s_on_the_decl_line() -> None:
    p = split_preamble(STOCKHOLM_194)
    assert p.tags == "PTER, PGOV, ASEC, EFIN, ENRG, KCIP, SW"
    assert p.subject == "SWEDEN: CI/KR RESPONSE FOR S/CT"
    assert p.ref == "SECSTATE 15113"


def test_prose_after_the_first_paragraph_is_not_a_field() -> None:
    body = "SUBJECT: X\n\n1. (C) The REF A points were delivered. TAGS: none.\n"
    p = split_preamble(body)
    assert p.subject == "X" and p.ref is None and p.tags is None


def test_body_without_paragraphs_is_bounded() -> None:
    p = split_preamble("noise " * 100_000)
    assert p.end <= 6000 and p.subject is None


LAPAZ_96 = """SIPDIS

E.O. 12958: DECL: 01/21/2019
TAGS: PGOV KDEM PREL PHUM PINR ENVR BL
SUBJECT: BOLIVIA'S REFERENDUM: MARGIN OF VICTORY MATTERS

REF: A. 08 LAPAZ 2606
¶B. LA PAZ 6

¶C. LA PAZ 11
¶D. LA PAZ 62
¶E. LA PAZ 90

Classified By: Charge d'Affaires Krishna R. Urs for reasons 1.4 (b, d)

¶1. (C) Summary
"""


def test_ref_bullets_across_blank_lines() -> None:
    p = split_preamble(LAPAZ_96)
    assert p.ref == "A. 08 LAPAZ 2606 ¶B. LA PAZ 6 ¶C. LA PAZ 11 ¶D. LA PAZ 62 ¶E. LA PAZ 90"
    assert p.classified_by is not None and p.classified_by.startswith("Charge d'Affaires")


@pytest.mark.parametrize(
    ("body", "subject"),
    [
        (
            "SUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE \n CONFIDENTIAL\n"
            "PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER\nREFTEL: HARARE 6584\n"
            "CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).\n¶1. (C) SUMMARY",
            "ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER",
        ),
        (
            "SUBJECT: BALOCH REQUEST UNHCR FACILITATE MOVEMENT OF\nBRAHMDAGH BUGTI TO IRELAND\n"
            "Friday, 18 December 2009, 11:04\n"
            "S E C R E T SECTION 01 OF 02 ISLAMABAD 003037\n\n1. (S) x",
            "BALOCH REQUEST UNHCR FACILITATE MOVEMENT OF BRAHMDAGH BUGTI TO IRELAND",
        ),
        (
            "SUBJECT: GOP DENIES AGREEMENT TO TRANSFER BERADAR TO AFGHANISTAN; LAHORE HIGH COURT\n"
            "INTERVENES ISLAMABAD 00000461 001.2 OF 003\n\n1. (C) x",
            "GOP DENIES AGREEMENT TO TRANSFER BERADAR TO AFGHANISTAN; LAHORE HIGH COURT INTERVENES",
        ),
        (
            "SUBJECT: PART 1 OF 3: THE LIFE AND TIMES OF SOUTH AFRICA'S NEXT PRESIDENT\n"
            "------- Summary -------\n\n1. (C) x",
            "PART 1 OF 3: THE LIFE AND TIMES OF SOUTH AFRICA'S NEXT PRESIDENT",
        ),
    ],
)
def test_subject_is_cleaned(body: str, subject: str) -> None:
    assert split_preamble(body).subject == subject


def test_reftel_is_a_reference_field() -> None:
    p = split_preamble("SUBJECT: X\n\nREFTEL: HARARE 6584\n\n1. (C) Text")
    assert p.ref == "HARARE 6584"


def test_a_body_flattened_to_one_line_ends_its_ref_at_the_first_paragraph() -> None:
    # 09ABUJA1907's body without its line breaks, as some exports and the synthetic
    # corpus carry it: the REF field must not swallow the paragraphs after it.
    body = (
        "C O N F I D E N T I A L ABUJA 001907 SIPDIS E.O. 12958: DECL: 10/14/2019 TAGS: "
        "EPET ENRG NI SUBJECT: SHELL ON THE PIB REF: ABUJA 1836 ------- SUMMARY ------- "
        "¶1. (C) Shell EVP for Shell Companies in Africa met with the Ambassador. "
        * 1
        + "¶2. (C) Pickard said the GON wanted the bill passed. " * 40
    )
    preamble = split_preamble(body)
    assert preamble.ref == "ABUJA 1836 ------- SUMMARY -------"
    assert preamble.subject == "SHELL ON THE PIB"


def test_a_runaway_ref_field_is_bounded() -> None:
    body = "SUBJECT: X\nREF: A. TOKYO 1464 " + "and more words without a paragraph " * 100
    ref = split_preamble(body).ref
    assert ref is not None and ref.startswith("A. TOKYO 1464") and len(ref) <= MAX_REF
