"""The code editor: Scintilla's own Qt widget with Lexilla lexers.

Margins, markers and indicators are named constants; themes are applied in
one place (apply_theme). This is the only module that imports the binding.
"""
from __future__ import annotations

import keyword

import lexilla
import pyside6_scintilla
from pyside6_scintilla import ScintillaEdit

# Margins
MARGIN_LINE_NUMBERS = 0
MARGIN_MARKERS = 1
# Markers
MARKER_ERROR = 1
# Scintilla constants used here (from Scintilla.h)
SC_MARGIN_NUMBER = 1
SC_MARGIN_SYMBOL = 0
SC_MARK_BACKGROUND = 22
SC_MARK_CIRCLE = 0
STYLE_DEFAULT = 32
STYLE_LINENUMBER = 33
STYLE_BRACELIGHT = 34
STYLE_BRACEBAD = 35
SC_CP_UTF8 = 65001
INVALID_POSITION = -1

LANGUAGES = {
    # language: (lexilla lexer, keyword sets)
    "python": ("python", [" ".join(keyword.kwlist), "self cls print len range None True False"]),
    "javascript": ("cpp", ["break case catch class const continue debugger default delete do else "
                           "export extends finally for function if import in instanceof let new "
                           "return super switch this throw try typeof var void while with yield "
                           "async await of null true false undefined", ""]),
    "cpp": ("cpp", ["alignas auto bool break case catch char class const constexpr continue default "
                    "delete do double else enum explicit extern false float for friend if inline int "
                    "long namespace new nullptr operator private protected public return short signed "
                    "sizeof static struct switch template this throw true try typedef typename union "
                    "unsigned using virtual void volatile while", "std vector string map "
                    "unordered_map set pair size_t"]),
}

# Style numbers of the two lexers we use (LexPython.cxx / LexCPP.cxx).
PY_STYLES = {"comment": (1, 12), "number": (2,), "string": (3, 4, 6, 7, 13, 16, 17, 18, 19),
             "keyword": (5,), "class": (8,), "def": (9,), "operator": (10,), "builtin": (14,),
             "decorator": (15,)}
CPP_STYLES = {"comment": (1, 2, 3, 15), "number": (4,), "string": (6, 7, 12, 13), "keyword": (5,),
              "builtin": (16,), "operator": (10,), "preprocessor": (9,)}

THEMES = {
    "light": {"fg": 0x202020, "bg": 0xFFFFFF, "caret_line": 0xF3EEE8, "margin_bg": 0xF0F0F0,
              "margin_fg": 0x808080, "comment": 0x3F8F3F, "number": 0x8F5F00, "string": 0x1515A3,
              "keyword": 0xA00000, "class": 0x7F5F00, "def": 0x7F3F00, "operator": 0x202020,
              "builtin": 0x8F008F, "decorator": 0x606060, "preprocessor": 0x606060,
              "brace": 0x00A000, "error_line": 0xD8D8FF, "selection": 0xF0D8C0},
    "dark": {"fg": 0xDCDCDC, "bg": 0x1E1E1E, "caret_line": 0x2E2A28, "margin_bg": 0x252526,
             "margin_fg": 0x858585, "comment": 0x55996A, "number": 0xA8CEB5, "string": 0x7891CE,
             "keyword": 0xD69C56, "class": 0xB0C94E, "def": 0xAADCDC, "operator": 0xD4D4D4,
             "builtin": 0xC086C5, "decorator": 0x9CDCFE, "preprocessor": 0x9B9B9B,
             "brace": 0x00D7FF, "error_line": 0x2A2A5A, "selection": 0x6F4A26},
}


def binding_versions() -> str:
    version = getattr(pyside6_scintilla, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version
        version = dist_version("pyside6-scintilla")
    return f"pyside6-scintilla {version}, lexilla {lexilla.__version__}"


class CodeEditor(ScintillaEdit):
    """A Scintilla editor set up for interview code."""

    def __init__(self, parent=None, language: str = "python", theme: str = "light"):
        super().__init__(parent)
        self.language = ""
        self.theme = theme
        self.setCodePage(SC_CP_UTF8)
        self.setTabWidth(4)
        self.setUseTabs(False)
        self.setIndent(4)
        self.setTabIndents(True)
        self.setBackSpaceUnIndents(True)
        self.setIndentationGuides(3)  # SC_IV_LOOKBOTH
        self.setCaretLineVisible(True)
        self.setMarginTypeN(MARGIN_LINE_NUMBERS, SC_MARGIN_NUMBER)
        self.setMarginWidthN(MARGIN_LINE_NUMBERS, 44)
        self.setMarginTypeN(MARGIN_MARKERS, SC_MARGIN_SYMBOL)
        self.setMarginWidthN(MARGIN_MARKERS, 12)
        self.setMarginMaskN(MARGIN_MARKERS, 1 << MARKER_ERROR)
        self.markerDefine(MARKER_ERROR, SC_MARK_BACKGROUND)
        self.charAdded.connect(self._on_char_added)
        self.updateUi.connect(self._match_braces)
        self.set_language(language)

    # --- text -----------------------------------------------------------------------

    def text(self) -> str:
        return bytes(self.getText(self.textLength() + 1)).decode("utf-8", errors="replace")

    def set_text(self, text: str) -> None:
        self.setText(text)
        self.emptyUndoBuffer()

    # --- language and theme ------------------------------------------------------

    def set_language(self, language: str) -> None:
        lexer_name, keywords = LANGUAGES[language]
        lexer = lexilla.create_lexer(lexer_name)
        self.setILexer(lexer.detach())
        for i, words in enumerate(keywords):
            self.setKeyWords(i, words)  # the binding takes str, not bytes
        self.language = language
        self.apply_theme(self.theme)

    def apply_theme(self, name: str) -> None:
        t = THEMES[name]
        self.theme = name
        self.styleSetFont(STYLE_DEFAULT, "DejaVu Sans Mono")
        self.styleSetSize(STYLE_DEFAULT, 11)
        self.styleSetFore(STYLE_DEFAULT, t["fg"])
        self.styleSetBack(STYLE_DEFAULT, t["bg"])
        self.styleClearAll()  # every style starts from the default
        self.styleSetFore(STYLE_LINENUMBER, t["margin_fg"])
        self.styleSetBack(STYLE_LINENUMBER, t["margin_bg"])
        self.styleSetFore(STYLE_BRACELIGHT, t["brace"])
        self.styleSetBold(STYLE_BRACELIGHT, True)
        self.styleSetFore(STYLE_BRACEBAD, 0x0000FF)
        styles = PY_STYLES if self.language == "python" else CPP_STYLES
        for role, numbers in styles.items():
            for n in numbers:
                self.styleSetFore(n, t[role])
                if role == "keyword":
                    self.styleSetBold(n, True)
        self.setCaretLineBack(t["caret_line"])
        self.setCaretFore(t["fg"])
        self.setSelBack(True, t["selection"])
        self.markerSetBack(MARKER_ERROR, t["error_line"])
        self.colourise(0, -1)

    # --- markers for failing lines ----------------------------------------------

    def mark_error_lines(self, lines: list[int]) -> None:
        """Mark 1-based line numbers (e.g. from a trimmed traceback)."""
        self.markerDeleteAll(MARKER_ERROR)
        for line in lines:
            if 1 <= line <= self.lineCount():
                self.markerAdd(line - 1, MARKER_ERROR)

    def error_lines(self) -> list[int]:
        out, line = [], self.markerNext(0, 1 << MARKER_ERROR)
        while line != -1:
            out.append(line + 1)
            line = self.markerNext(line + 1, 1 << MARKER_ERROR)
        return out

    # --- editing help ----------------------------------------------------------------

    def _on_char_added(self, ch: int) -> None:
        """Auto-indent: keep the previous line's indent, one more level after
        ':' (Python) or '{' (C-like)."""
        if ch not in (10, 13):
            return
        line = self.lineFromPosition(self.currentPos())
        if line == 0:
            return
        prev = bytes(self.getLine(line - 1)).decode("utf-8", errors="replace").rstrip("\r\n\0")
        indent = self.lineIndentation(line - 1)
        opener = ":" if self.language == "python" else "{"
        if prev.rstrip().endswith(opener):
            indent += 4
        if indent:
            self.setLineIndentation(line, indent)
            self.gotoPos(self.lineIndentPosition(line))

    def _match_braces(self, *_args) -> None:
        pos = self.currentPos()
        for candidate in (pos, pos - 1):
            if candidate < 0:
                continue
            if chr(self.charAt(candidate) & 0xFF) in "()[]{}":
                match = self.braceMatch(candidate, 0)
                if match == INVALID_POSITION:
                    self.braceBadLight(candidate)
                else:
                    self.braceHighlight(candidate, match)
                return
        self.braceHighlight(INVALID_POSITION, INVALID_POSITION)
