"""The title (คำนำหน้า) field: every title of the table, found by its full or short form.

Typing "รตอ" or "ร.ต.อ" offers ร้อยตำรวจเอก (ร.ต.อ.); a title written in any form is kept
in the table's canonical form. A title that is not in the table is accepted, with a note
under the field saying so, never silently.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QWidget

from asr_desktop.assets import title_table
from asr_desktop.domain.thai_words import with_word_breaks
from asr_desktop.domain.titles import Title
from asr_desktop.domain.vocabulary import Gender

# The everyday titles first, then the table in its own order (ranks low to high …).
_FIRST = ("นาย", "นาง", "นางสาว")


class TitleField(QComboBox):
    """An editable list of all titles; :meth:`title` gives the text to store."""

    title_changed = Signal(str)
    """The canonical title, each time the text changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.table = title_table()
        titles = sorted(self.table.titles, key=lambda t: t.full not in _FIRST)
        self.addItem("", "")
        for title in titles:
            self.addItem(_item_text(title), title.full)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setToolTip("พิมพ์คำนำหน้าแบบเต็มหรือแบบย่อ เช่น ร.ต.อ. หรือ ร้อยตำรวจเอก")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5a00;")
        self.note.hide()
        self.currentTextChanged.connect(self._changed)

    def title(self) -> str:
        """The title to store: the table's form of what was typed, or the text as typed."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index > 0:
            return str(self.itemData(index))
        return self.table.canonical(text)

    def set_title(self, title: str) -> None:
        found = self.table.find(title) if title else None
        index = self.findData(found.full) if found is not None else -1
        if index > 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentText(title)
        self._changed(self.currentText())

    def gender(self) -> Gender | None:
        return self.table.gender_of(self.title())

    def is_known(self) -> bool:
        title = self.title()
        return not title or self.table.find(title) is not None

    def _changed(self, _text: str) -> None:
        title = self.title()
        if self.is_known():
            self.note.hide()
        else:
            self.note.setText(
                with_word_breaks(
                    f"'{title}' ไม่อยู่ในรายการคำนำหน้าที่เป็นทางการ จะบันทึกตามที่พิมพ์ ตรวจสอบการสะกดอีกครั้ง"
                )
            )
            self.note.show()
        self.title_changed.emit(title)


def _item_text(title: Title) -> str:
    return title.label
