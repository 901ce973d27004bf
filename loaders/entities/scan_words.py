"""Word tables of the capitalised-run scan: abbreviations that do not end a sentence,
and lone words that start sentences and never name anything.
"""

from __future__ import annotations

from typing import Final

ABBREVIATIONS: Final = frozenset(
    [
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Gen.",
        "Lt.",
        "Col.",
        "Maj.",
        "Capt.",
        "Adm.",
        "Sen.",
        "Rep.",
        "Amb.",
        "Gov.",
        "Pres.",
        "Prof.",
        "St.",
        "Jr.",
        "Sr.",
        "Sgt.",
        "Cmdr.",
        "Brig.",
        "Hon.",
        "No.",
        "Mt.",
        "Ft.",
        "Dept.",
        "Govt.",
        "Lt.Gen.",
        "Maj.Gen.",
        "Brig.Gen.",
        "MR.",
        "MRS.",
        "MS.",
        "DR.",
        "GEN.",
        "LT.",
        "COL.",
        "MAJ.",
        "CAPT.",
        "ADM.",
        "SEN.",
        "REP.",
        "AMB.",
        "GOV.",
        "PROF.",
        "ST.",
    ]
)
#: Lone capitalised words that start sentences and never name anything: not kept.
SENTENCE_STARTS: Final = frozenset(
    str.split(
        """The This That These Those He She It They We I In On At For But And As If When While
    After Before During Since Although However Also A An Our His Her Their Its There Both
    Some All Many Most Other Such According Despite Following With Without From To By Of
    Under Over Between Among Through Into What Which Who Why How Where Please Comment Note
    End Summary Background Moreover Meanwhile Further Furthermore Instead Indeed Perhaps
    Still Yet Thus Even Only Each Any No Not Nor Or So Then Than Once Now Today Yesterday
    Asked Given Noting Regarding Separately Finally First Second Third Next Last Overall"""
    )
)
