"""The Scintilla editor with a Lexilla lexer, in a real (offscreen) widget."""
from __future__ import annotations

from desktop.ui.editor import scintilla
from desktop.ui.editor.scintilla import CodeEditor

CODE = 'def greet(name):\n    return "hi " + name  # say hi\n'


def test_python_code_is_coloured_by_the_lexilla_lexer(qtbot):
    editor = CodeEditor()
    qtbot.addWidget(editor)
    editor.set_text(CODE)
    editor.colourise(0, -1)
    styles = {name: scintilla.PY_STYLES[name] for name in ("keyword", "def", "string", "comment")}
    assert editor.styleAt(0) in styles["keyword"]                       # def
    assert editor.styleAt(CODE.index("greet")) in styles["def"]         # function name
    assert editor.styleAt(CODE.index('"hi')) in styles["string"]
    assert editor.styleAt(CODE.index("# say")) in styles["comment"]
    assert editor.text() == CODE


def test_cpp_and_javascript_lexers_and_themes(qtbot):
    editor = CodeEditor(language="cpp", theme="dark")
    qtbot.addWidget(editor)
    editor.set_text("int main() { return 0; } // done\n")
    editor.colourise(0, -1)
    assert editor.styleAt(0) in scintilla.CPP_STYLES["keyword"]
    assert editor.styleBack(scintilla.STYLE_DEFAULT) == scintilla.THEMES["dark"]["bg"]
    editor.set_language("javascript")
    editor.apply_theme("light")
    assert editor.styleBack(scintilla.STYLE_DEFAULT) == scintilla.THEMES["light"]["bg"]


def test_error_markers_and_auto_indent(qtbot):
    editor = CodeEditor()
    qtbot.addWidget(editor)
    editor.set_text("x = 1\ny = 2\nz = 3\n")
    editor.mark_error_lines([2, 3, 99])
    assert editor.error_lines() == [2, 3]
    editor.set_text("")
    editor.show()
    qtbot.keyClicks(editor, "if x:")
    qtbot.keyClick(editor, "\r")
    assert editor.text().endswith("if x:\n    ")
