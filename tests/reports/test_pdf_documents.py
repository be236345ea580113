"""ID cards, sign-in sheet and certificates: what they print, how many, and fitting text."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from tests.reports.pdf_helpers import extractions, pdftotext_pages

from asr_desktop.domain.progress import Cancelled
from asr_desktop.reports.pdf import id_cards
from asr_desktop.reports.pdf.certificates import CertificateData, build_certificates
from asr_desktop.reports.pdf.fonts import BOLD
from asr_desktop.reports.pdf.id_cards import CARDS_PER_PAGE, CardData, build_id_cards
from asr_desktop.reports.pdf.layout import EventHeading, fit_lines
from asr_desktop.reports.pdf.shaping import text_width
from asr_desktop.reports.pdf.signin_sheet import SigninRow, build_signin_sheet

OFFICE = "สำนักงานแรงงานจังหวัดสกลนคร"
NAMES = ("นางสาวกิ่งแก้ว ปั้นเหน่ง", "นายสมศักดิ์ ทองคำ", "นางน้ำฝน ศรีสุข", "นายเก๋ เจ๊ะเด๊ะ")
EVENT = EventHeading(
    "อบรมเพิ่มศักยภาพอาสาสมัครแรงงาน รุ่นที่ 1",
    date(2026, 10, 31),
    date(2026, 11, 1),
    "โรงแรมในเมืองสกลนคร",
)


def jpeg(width: int = 60, height: int = 80) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(120, 160, 200))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPEG")
    return bytes(data.data())


def card(n: int, photo: bytes | None = None) -> CardData:
    return CardData(
        name=NAMES[n % len(NAMES)],
        tier_label="แกนนำอาสาสมัครแรงงานระดับตำบล",
        area="ต.ท่าแร่ อ.เมืองสกลนคร",
        card_no=f"สน-2568-{n:05d}",
        issued=date(2025, 10, 1),
        expires=date(2028, 9, 30),
        photo=photo,
    )


def text_of(path: Path) -> str:
    pages = pdftotext_pages(path)
    if pages is None:
        pages = extractions(path)["pypdf"]
    return "\n".join(pages)


def images_on(path: Path) -> list[tuple[int, int]]:
    """(width, height) of every image on every page."""
    found = []
    for page in pypdf.PdfReader(path).pages:
        for xobject in page["/Resources"].get("/XObject", {}).values():
            image = xobject.get_object()
            if image["/Subtype"] == "/Image":
                found.append((int(image["/Width"]), int(image["/Height"])))
    return found


def test_cards_ten_to_a_page_with_names_numbers_and_dates(tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    pages = build_id_cards(out, [card(n) for n in range(1, 13)], office_name=OFFICE)
    assert pages == 2 == len(pypdf.PdfReader(out).pages)
    assert CARDS_PER_PAGE == 10
    text = text_of(out)
    for name in NAMES:
        assert name in text  # tone marks, ั and ์ come back exactly
    for n in range(1, 13):
        assert f"สน-2568-{n:05d}" in text
    assert text.count("1 ต.ค. 2568") == 12 and text.count("30 ก.ย. 2571") == 12
    assert text.count("บัตรประจำตัวอาสาสมัครแรงงาน") >= 12
    assert text.count("ไม่มีรูปถ่าย") == 12


def test_each_qr_code_holds_the_province_and_card_number_in_ascii(
    tmp_path: Path, monkeypatch
) -> None:
    seen: list[str] = []
    encode = id_cards.qr_modules

    def recording(value: str) -> list[list[bool]]:
        seen.append(value)
        return encode(value)

    monkeypatch.setattr(id_cards, "qr_modules", recording)
    cards = [card(n) for n in range(1, 4)]
    build_id_cards(tmp_path / "cards.pdf", cards, office_name=OFFICE, province_code="47")
    assert seen == ["47-2568-00001", "47-2568-00002", "47-2568-00003"]  # each encoded once
    assert id_cards.qr_payload("47", "สน") == "47-xn--q3c7a"  # no ASCII at all: punycode
    assert all(value.isascii() for value in seen)


def test_the_qr_codes_on_a_sheet_decode(tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    import pypdfium2

    out = tmp_path / "cards.pdf"
    build_id_cards(out, [card(n) for n in range(1, 11)], office_name=OFFICE, province_code="47")
    page = pypdfium2.PdfDocument(out)[0]
    image = page.render(scale=150 / 72).to_pil()
    found = sorted(result.text for result in zxingcpp.read_barcodes(image))
    assert found == [f"47-2568-{n:05d}" for n in range(1, 11)]


def test_a_photo_is_embedded_and_the_others_get_the_placeholder(tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    photo = jpeg()
    build_id_cards(out, [card(1, photo), card(2), card(3, b"not an image")], office_name=OFFICE)
    assert images_on(out) == [(60, 80)]
    assert text_of(out).count("ไม่มีรูปถ่าย") == 2


def test_thai_digits_for_dates_but_the_card_number_as_registered(tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    build_id_cards(out, [card(7)], office_name=OFFICE, thai_digits=True)
    text = text_of(out)
    assert "๑ ต.ค. ๒๕๖๘" in text and "๓๐ ก.ย. ๒๕๗๑" in text
    assert "สน-2568-00007" in text


def test_cancelling_cards_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    out.write_bytes(b"old")

    def cancel_at_five(done: int, total: int) -> None:
        if done == 5:
            raise Cancelled

    with pytest.raises(Cancelled):
        build_id_cards(
            out, [card(n) for n in range(20)], office_name=OFFICE, progress=cancel_at_five
        )
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["cards.pdf"]


@pytest.mark.parametrize(
    "name",
    [
        "นายสมชาย ใจดี",
        "นางประภัสสรเฉลิมพระเกียรติ์ ศรีสุวรรณวงศ์ไพศาลกิจเจริญยิ่ง",
        "ว่าที่ร้อยตรีหญิงประภัสสรเฉลิมพระเกียรติ์ศรีสุวรรณวงศ์ไพศาลกิจเจริญยิ่งมงคลชัยวัฒนาสกุล",
    ],
)
def test_a_name_of_any_length_fits_the_card(name: str) -> None:
    width = 56 * 2.835
    fitted = fit_lines(name, BOLD, width, size=11, min_size=8.5, max_lines=2)
    assert 1 <= len(fitted.lines) <= 2
    assert "".join(fitted.lines).replace(" ", "") == name.replace(" ", "")
    for line in fitted.lines:
        assert text_width(line, BOLD, fitted.size) <= width + 0.01


def test_dates_text_for_one_day_and_several() -> None:
    one = EventHeading("x", date(2026, 10, 5))
    assert one.dates_text() == "วันที่ 5 ตุลาคม พ.ศ. 2569"
    assert one.dates_text(thai_digits=True) == "วันที่ ๕ ตุลาคม พ.ศ. ๒๕๖๙"
    same_month = EventHeading("x", date(2026, 7, 1), date(2026, 7, 2))
    assert same_month.dates_text() == "ระหว่างวันที่ 1–2 กรกฎาคม พ.ศ. 2569"
    assert EVENT.dates_text() == "ระหว่างวันที่ 31 ตุลาคม – 1 พฤศจิกายน พ.ศ. 2569"
    years = EventHeading("x", date(2026, 12, 30), date(2027, 1, 2))
    assert years.dates_text() == "ระหว่างวันที่ 30 ธันวาคม พ.ศ. 2569 – 2 มกราคม พ.ศ. 2570"


def signin_numbers(text: str) -> list[int]:
    return [int(m) for m in re.findall(r"^\s*(\d{1,3})\s*$", text, re.MULTILINE)]


def test_signin_sheet_lists_attendees_then_blank_rows(tmp_path: Path) -> None:
    out = tmp_path / "signin.pdf"
    people = [SigninRow(NAMES[n % 4], "แกนนำ", "ต.ท่าแร่", "081-234-5678") for n in range(25)]
    pages = build_signin_sheet(out, EVENT, people, office_name=OFFICE, blank_rows=7, phones=True)
    text = text_of(out)
    assert pages >= 2 and f"หน้า 1/{pages}" in text and f"หน้า {pages}/{pages}" in text
    assert "ใบลงชื่อผู้เข้าร่วมกิจกรรม" in text and EVENT.title in text
    assert "ระหว่างวันที่ 31 ตุลาคม – 1 พฤศจิกายน พ.ศ. 2569" in text
    assert "ณ โรงแรมในเมืองสกลนคร" in text
    assert text.count("081-234-5678") == 25
    for header in ("ลำดับ", "ชื่อ-สกุล", "ลายมือชื่อ", "โทรศัพท์"):
        assert header in text
    assert max(signin_numbers(text)) == 32  # 25 people and 7 blank rows, numbered


def test_signin_sheet_hides_phones_unless_asked_and_has_a_column_per_day(tmp_path: Path) -> None:
    out = tmp_path / "signin.pdf"
    people = [SigninRow(NAMES[n % 4], "แกนนำ", "ต.ท่าแร่", "081-234-5678") for n in range(3)]
    build_signin_sheet(out, EVENT, people, office_name=OFFICE, blank_rows=2)
    text = text_of(out)
    assert "081-234-5678" not in text and "โทรศัพท์" not in text
    # EVENT runs 31 October - 1 November: one signature column for each day, dated.
    assert text.count("ลายมือชื่อ") == 2
    assert "31 ต.ค. 2569" in text and "1 พ.ย. 2569" in text
    one_day = EventHeading("ประชุม", date(2026, 10, 5))
    build_signin_sheet(out, one_day, people, office_name=OFFICE, blank_rows=2)
    assert text_of(out).count("ลายมือชื่อ") == 1


def test_signin_sheet_of_an_empty_list_is_all_blank_rows(tmp_path: Path) -> None:
    out = tmp_path / "signin.pdf"
    one_day = EventHeading(EVENT.title, EVENT.start, venue=EVENT.venue)
    assert build_signin_sheet(out, one_day, [], office_name=OFFICE, blank_rows=12) == 1
    assert max(signin_numbers(text_of(out))) == 12


def test_one_certificate_per_person(tmp_path: Path) -> None:
    out = tmp_path / "certificates.pdf"
    people = [CertificateData(name, f"47-0001-V{n:05d}") for n, name in enumerate(NAMES)]
    count = build_certificates(
        out,
        people,
        EVENT,
        office_name=OFFICE,
        signer_name="นายประเสริฐ ศรีสกล",
        signer_position="แรงงานจังหวัดสกลนคร",
    )
    reader = pypdf.PdfReader(out)
    assert count == len(reader.pages) == 4
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    pages = pdftotext_pages(out) or [page.extract_text() for page in reader.pages]
    for name, page in zip(NAMES, pages, strict=True):
        assert name in page
        assert "ขอมอบเกียรติบัตรฉบับนี้ไว้เพื่อแสดงว่า" in page
        assert "ได้เข้าร่วมอบรมเพิ่มศักยภาพอาสาสมัครแรงงาน" in page
        assert "พ.ศ. 2569" in page and "(นายประเสริฐ ศรีสกล)" in page
        assert "ให้ไว้ ณ วันที่ 1 เดือนพฤศจิกายน พ.ศ. 2569" in page


def test_a_long_event_title_wraps_on_the_certificate(tmp_path: Path) -> None:
    out = tmp_path / "certificates.pdf"
    title = (
        "โครงการอบรมเชิงปฏิบัติการเพื่อเสริมสร้างศักยภาพเครือข่ายอาสาสมัครแรงงานในการป้องกัน"
        "และแก้ไขปัญหาการค้ามนุษย์ด้านแรงงานและการคุ้มครองแรงงานนอกระบบ ประจำปีงบประมาณ 2570"
    )
    event = EventHeading(title, date(2027, 1, 15))
    build_certificates(out, [CertificateData(NAMES[0])], event, office_name=OFFICE)
    lines = [line.strip() for line in (text_of(out)).splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("ได้เข้าร่วม"))
    end = next(i for i, line in enumerate(lines) if line.startswith("วันที่"))
    assert end - start >= 2  # broken over lines, at word boundaries
    assert "".join(lines[start:end]).replace(" ", "") == ("ได้เข้าร่วม" + title).replace(" ", "")


def test_every_kind_of_pdf_is_pdfa_2b_with_every_font_embedded(tmp_path: Path) -> None:
    """Cards, sheets, certificates and reports: XMP that declares PDF/A-2b, an sRGB output
    intent, and no font (not even reportlab's default Helvetica) left unembedded."""
    from asr_desktop.reports.pdf.document import build_table_report
    from asr_desktop.reports.pdf.table import Column

    outputs = {
        "cards": lambda out: build_id_cards(out, [card(1)], office_name=OFFICE),
        "signin": lambda out: build_signin_sheet(out, EVENT, [], office_name=OFFICE),
        "certificate": lambda out: build_certificates(out, [CertificateData("นายเก๋")], EVENT,
                                                      office_name=OFFICE),
        "table": lambda out: build_table_report(out, title="ทะเบียน", office_name=OFFICE,
                                                period_text="2569", columns=[Column("ที่", 1)],
                                                rows=[("1",)]),
    }  # fmt: skip
    for name, build in outputs.items():
        out = tmp_path / f"{name}.pdf"
        build(out)
        reader = pypdf.PdfReader(out)
        root = reader.trailer["/Root"]
        xmp = root["/Metadata"].get_object()
        assert "/Filter" not in xmp, name
        packet = xmp.get_data().decode()
        assert "<pdfaid:part>2</pdfaid:part>" in packet and "<pdfaid:conformance>B<" in packet
        assert f"<pdf:Producer>{reader.metadata['/Producer']}</pdf:Producer>" in packet, name
        [intent] = root["/OutputIntents"]
        intent = intent.get_object()
        assert intent["/S"] == "/GTS_PDFA1" and intent["/DestOutputProfile"].get_object()["/N"] == 3
        for page in reader.pages:
            for font in page["/Resources"].get("/Font", {}).values():
                font = font.get_object()
                assert "/FontFile2" in font["/FontDescriptor"], (name, font["/BaseFont"])
        # PDF/A 6.1.7.1: an end-of-line before every endstream, after binary data too.
        data = out.read_bytes()
        assert data.count(b"endstream") >= 3, name
        assert re.search(rb"[^\r\n]endstream", data) is None, name
