from mercato.squad.depth import build_squad
from mercato.squad.pitch import draw_xi, save_xi
from mercato.squad.xi import best_xi

REAL_MADRID = 418  # Transfermarkt club id
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_best_xi_is_drawn_as_a_png_file(kb, as_of, tmp_path):
    xi = best_xi(build_squad(kb.squad(REAL_MADRID), as_of))
    path = tmp_path / "xi.png"
    save_xi(xi, path, title="Real Madrid")
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 20_000


def test_what_if_xi_is_drawn_as_svg_with_names(kb, as_of, tmp_path):
    xi = best_xi(build_squad(kb.squad(REAL_MADRID), as_of), "4-2-3-1")
    target = xi.places[1].member.player
    path = tmp_path / "xi.svg"
    save_xi(xi, path, highlight=target.id)
    text = path.read_text(encoding="utf-8")
    assert "<svg" in text
    assert "#e0a526" in text  # the target's colour
    assert "Courtois" in text


def test_every_formation_can_be_drawn(kb, as_of):
    members = build_squad(kb.squad(REAL_MADRID), as_of)
    for formation in ("4-3-3", "4-2-3-1", "4-4-2", "3-5-2", "3-4-3"):
        assert draw_xi(best_xi(members, formation)).startswith(PNG_SIGNATURE)
