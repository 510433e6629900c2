"""The PDF's own title, subject, creator and language, set by an incremental update.

Chromium prints the render page's title ("Kaleido-fier") and its user agent into the
PDF's document information. Rather than rewrite the file, a PDF incremental update
(ISO 32000-1, 7.5.6) is appended: a new information dictionary and catalog under the
same object numbers, a cross-reference section for them and a trailer pointing back to
the previous one. Readers take the newest version of each object.
"""

from __future__ import annotations

import re

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
_REF = {name: re.compile(rb"/" + name + rb"\s+(\d+)\s+(\d+)\s+R") for name in (b"Root", b"Info")}
_SIZE = re.compile(rb"/Size\s+(\d+)")
_KEPT_INFO = re.compile(rb"/(CreationDate|ModDate)\s*(\([^()]*\))")


def pdf_text(text: str) -> bytes:
    """A PDF text string holding any Unicode text: UTF-16BE with a byte-order mark, in hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _object(pdf: bytes, number: int) -> bytes | None:
    """The dictionary body of the last definition of object `number`, or None."""
    found = list(re.finditer(rb"(?<![0-9])" + str(number).encode() + rb"\s+0\s+obj\s*<<(.*?)>>\s*"
                             rb"endobj", pdf, re.S))
    return found[-1].group(1) if found else None


def set_document_info(pdf: bytes, title: str, subject: str, creator: str, lang: str) -> bytes:
    """The PDF with this title, subject, creator and language (viewers show the title).

    A file whose structure is not the classic cross-reference table Chromium writes is
    returned unchanged.
    """
    end, trailer = _STARTXREF.search(pdf), None
    trailers = list(_TRAILER.finditer(pdf))
    if end is None or not trailers:
        return pdf
    trailer = trailers[-1].group(1)
    root, info, size = _REF[b"Root"].search(trailer), _REF[b"Info"].search(trailer), \
        _SIZE.search(trailer)
    if root is None or size is None:
        return pdf
    catalog = _object(pdf, int(root[1]))
    if catalog is None:
        return pdf
    info_number = int(info[1]) if info else int(size[1])
    old_info = _object(pdf, info_number) if info else b""
    kept = b"".join(b"\n/" + m[1] + b" " + m[2] for m in _KEPT_INFO.finditer(old_info or b""))
    catalog = re.sub(rb"/(Lang|ViewerPreferences)\s*(\([^()]*\)|<<[^<>]*>>)", b"", catalog)
    objects = {
        info_number: b"<</Title " + pdf_text(title) + b"\n/Subject " + pdf_text(subject)
                     + b"\n/Creator " + pdf_text(creator) + b"\n/Producer " + pdf_text(creator)
                     + kept + b">>",
        int(root[1]): b"<<" + catalog + b"\n/Lang " + pdf_text(lang)
                      + b"\n/ViewerPreferences <</DisplayDocTitle true>>>>",
    }
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number, offset in sorted(offsets.items()):
        out += f"{number} 1\n{offset:010d} 00000 n \n".encode()
    new_size = max(int(size[1]), info_number + 1)
    out += (f"trailer\n<</Size {new_size}\n/Root {root[1].decode()} 0 R\n/Info {info_number} 0 R"
            f"\n/Prev {end[1].decode()}>>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)
