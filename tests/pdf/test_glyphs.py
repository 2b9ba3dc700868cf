"""The per-glyph rules: which glyphs go, which are isolated, how far the rest moves."""

from __future__ import annotations

from redactor.pdf.glyphs import Glyph, covering_box, plan

SIZE = 10.0
SPACE = 2.78


def glyph(x: float, width: float = 5.0, char: str = "a", baseline: float = 100.0) -> Glyph:
    return Glyph(
        gid=1,
        uni=ord(char),
        origin=(x, baseline),
        bbox=(x, baseline - 0.78 * SIZE, x + width, baseline + 0.22 * SIZE),
        direction=(1.0, 0.0),
        size=SIZE,
        space=SPACE,
    )


def line(text: str, x: float = 10.0, width: float = 5.0) -> list[Glyph]:
    return [glyph(x + i * width, width, c) for i, c in enumerate(text)]


BOX = (31.0, 90.0, 50.0, 104.0)  # over characters e..h of line("abcdefghij") (x 30..50)
WIDE = (29.0, 90.0, 56.0, 104.0)  # 6 pt wider than a removed run at x 30..50


def removed_run() -> list[Glyph]:
    return [glyph(30 + i * 5, char="Z") for i in range(4)]


def test_a_glyph_whose_centre_is_in_a_box_goes() -> None:
    assert covering_box(glyph(32), [BOX]) == 0
    assert covering_box(glyph(60), [BOX]) is None


def test_a_glyph_just_touching_a_box_stays_but_is_isolated() -> None:
    glyphs = line("abcdefghij")
    actions = plan(glyphs, [BOX])
    dropped = [g for g, a in zip(glyphs, actions, strict=True) if a.drop]
    assert [chr(g.uni) for g in dropped] == ["e", "f", "g", "h"]
    assert actions[3].isolated and not actions[3].drop  # 'd' ends right at the box
    assert not actions[0].isolated


def test_spaces_touching_a_box_go_too() -> None:
    glyphs = line("ab d ef")
    box = (24.5, 90.0, 30.5, 104.0)  # over 'd' (x 25..30), 0.5 pt into each space
    actions = plan(glyphs, [box])
    assert [chr(g.uni) for g, a in zip(glyphs, actions, strict=True) if a.drop] == [" ", "d", " "]


def test_text_after_a_removal_moves_to_the_box_edge() -> None:
    glyphs = line("abcd", x=5) + removed_run() + [glyph(58, char="x"), glyph(63, char="y")]
    actions = plan(glyphs, [WIDE])
    shifts = [a.shift[0] for g, a in zip(glyphs, actions, strict=True) if chr(g.uni) in "xy"]
    # The run ended at 50, the box ends at 56: the text after it moves 6 pt, so that it
    # keeps its 8 pt gap after the box edge instead of after the removed width.
    assert shifts == [6.0, 6.0]
    assert all(a.shift == (0.0, 0.0) and not a.drop for a in actions[:4])


def test_a_column_far_after_the_box_does_not_move() -> None:
    far = glyph(50 + 10 * SPACE, char="k")
    actions = plan(line("abcd", x=5) + removed_run() + [far], [WIDE])
    assert not actions[-1].drop and actions[-1].shift == (0.0, 0.0)


def test_other_lines_do_not_move() -> None:
    below = [glyph(55 + i * 5, char="b", baseline=130.0) for i in range(3)]
    actions = plan([*removed_run(), glyph(58, char="x"), *below], [WIDE])
    assert actions[4].shift == (6.0, 0.0)
    assert all(a.shift == (0.0, 0.0) and not a.drop for a in actions[5:])
