import pytest

from noticekit.importers.detect import decode, detect_format


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!DOCTYPE html><html><body><h1>x</h1></body></html>", "html"),
        (b"\xef\xbb\xbf  <html lang='en'>", "html"),
        (b"<!-- exported -->\n<h1>Privacy</h1>\n<p>Text</p>", "html"),
        (b"<div class='x'><p>a</p></div>", "html"),
        (b"---\ntitle: x\n---\n# Privacy", "markdown"),
        (b"# Privacy\n\nSome <b>bold</b> text.\n\n## Who we are\n", "markdown"),
        (b"Privacy\n=======\n\nText with a <br> tag.\n", "markdown"),
        (b"Exported text\n<p>one</p><p>two</p><p>three</p><div>four</div><h2>five</h2>", "html"),
    ],
)
def test_detect_by_content(data: bytes, expected: str) -> None:
    assert detect_format(data) == expected


def test_decode_falls_back_to_windows_1252() -> None:
    assert decode("Caf\u00e9".encode()) == ("Caf\u00e9", None)
    text, warning = decode("Caf\u00e9 \u2019".encode("cp1252"))
    assert text == "Caf\u00e9 \u2019"
    assert warning is not None and "Windows-1252" in warning
