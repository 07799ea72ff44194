"""The static build: minified, content-hashed, precompressed, and safe to run again."""

from __future__ import annotations

import brotli

from webapp.assets import HASHED_NAME, build


def test_build_hashes_minifies_and_precompresses(tmp_path):
    source, target = tmp_path / "src", tmp_path / "out"
    (source / "css").mkdir(parents=True)
    (source / "css" / "site.css").write_text("/* note */\nbody {\n  color: black;\n}\n" * 50)
    manifest = build(source, target)
    hashed = manifest["css/site.css"]
    assert HASHED_NAME.search(hashed)
    built = (target / hashed).read_bytes()
    assert b"/*" not in built and b"\n  " not in built
    assert brotli.decompress((target / (hashed + ".br")).read_bytes()) == built
    assert (target / (hashed + ".gz")).exists()
    assert (target / "css" / "site.css").read_bytes() == built  # the unhashed name too


def test_a_change_gives_a_new_name_and_keeps_the_old_file(tmp_path):
    source, target = tmp_path / "src", tmp_path / "out"
    source.mkdir()
    (source / "a.js").write_text("var a = 1;\n")
    first = build(source, target)["a.js"]
    assert build(source, target)["a.js"] == first  # building again changes nothing
    (source / "a.js").write_text("var a = 2;\n")
    second = build(source, target)["a.js"]
    assert second != first
    assert (target / first).exists()  # pages cached before the change still load
    assert (target / "a.js").read_text() == (target / second).read_text()
